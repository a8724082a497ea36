// npm run schema: JSON Schemas of everything an author writes in YAML, generated from the zod
// schemas in lib/content/schema.ts (never written by hand), for editors.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

import { authorSchema, frontmatterSchema, siteSchema } from '../lib/content/schema'

const out = path.resolve('schemas')
fs.mkdirSync(out, { recursive: true })
const schemas = {
  'frontmatter.schema.json': [frontmatterSchema, 'Inkwell post frontmatter'],
  'site.schema.json': [siteSchema, 'Inkwell site config (content/site.yaml)'],
  'author.schema.json': [authorSchema, 'Inkwell author (content/authors/<id>.yaml)'],
} as const
for (const [name, [schema, title]] of Object.entries(schemas)) {
  // io: 'input' describes what the author writes (a single category as text is allowed), not
  // what the loader turns it into.
  const json = { title, ...z.toJSONSchema(schema, { io: 'input', target: 'draft-7' }) }
  fs.writeFileSync(path.join(out, name), `${JSON.stringify(json, null, 2)}\n`)
  console.log(path.relative(process.cwd(), path.join(out, name)))
}
