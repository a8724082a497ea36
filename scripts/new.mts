// npm run new -- "Post title" [--series "Name"] [--category "Name"] [--folder] [--md]
import path from 'node:path'
import { parseArgs } from 'node:util'

import { contentOptions } from '../lib/content'
import { createPost } from '../lib/content/scaffold'

const usage = 'usage: npm run new -- "Post title" [--series "Series name"] [--category "Category"] [--folder] [--md]'
try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      series: { type: 'string' },
      category: { type: 'string' },
      folder: { type: 'boolean' },
      md: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help || positionals.length !== 1) {
    console.error(usage)
    process.exit(values.help ? 0 : 1)
  }
  const { md, ...rest } = values
  const file = createPost({ root: contentOptions().root, title: positionals[0]!, ...rest, format: md ? 'md' : 'mdx', now: new Date() })
  console.log(path.relative(process.cwd(), file))
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}\n${usage}`)
  process.exit(1)
}
