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
// A few pages in flight at once: one at a time, each page waited for its round trip to Pagefind's
// process (1,000 posts, runs interleaved: 4.5-5.0 s, 4.0-4.3 s this way). The index is the same
// whatever the order (Pagefind sorts it).
let next = 0
const add = async () => {
  while (next < found.length) {
    const page = found[next++]!
    const added = await index.addHTMLFile({ url: page.url, content: fs.readFileSync(page.file, 'utf8') })
    if (added.errors.length) throw new Error(`pagefind: ${page.url}: ${added.errors.join('; ')}`)
  }
}
await Promise.all(Array.from({ length: 4 }, add))
fs.rmSync(output, { recursive: true, force: true })
const written = await index.writeFiles({ outputPath: output })
if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
await pagefind.close()
console.log(`✓ search index: ${found.length} ${found.length === 1 ? 'page' : 'pages'} in ${Math.round(performance.now() - started)} ms`)
