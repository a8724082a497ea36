// After next build: the Pagefind full-text index of the built posts, served at /pagefind/ (the
// paths are in lib/search-index.ts). npm run build and npm run export run it.
import fs from 'node:fs'
import * as pagefind from 'pagefind'

import { searchablePages, searchIndexPaths } from '../lib/search-index'

const started = performance.now()
const { pages, output } = searchIndexPaths()
const found = searchablePages(pages)
const { index, errors } = await pagefind.createIndex()
if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
// URLs are site paths (`/posts/a`): under a base path, Pagefind's script puts the folder it was
// loaded from (`/blog/pagefind/` → `/blog`) in front of them itself.
for (const page of found) {
  const added = await index.addHTMLFile({ url: page.url, content: fs.readFileSync(page.file, 'utf8') })
  if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`)
}
fs.rmSync(output, { recursive: true, force: true })
const written = await index.writeFiles({ outputPath: output })
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
await pagefind.close()
console.log(`✓ search index: ${found.length} ${found.length === 1 ? 'page' : 'pages'} in ${Math.round(performance.now() - started)} ms`)
