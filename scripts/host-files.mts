// After an export (npm run export): the files static hosts read, written into the export folder:
// _headers and _redirects for Netlify and Cloudflare Pages, .nojekyll for GitHub Pages.
import path from 'node:path'

import { basePathFrom } from '../lib/base-path.mjs'
import { getContent } from '../lib/content'
import { readEnv } from '../lib/env'
import { writeHostFiles } from '../lib/static-host'

const env = readEnv()
const dir = path.resolve(env.INKWELL_DIST_DIR || 'out')
const { site, posts } = await getContent()
const basePath = basePathFrom(process.env, site.url)
const written = writeHostFiles(dir, { posts, basePath, commentEndpoint: site.comments.endpoint })
const aliases = posts.reduce((n, post) => n + post.aliases.length, 0)
console.log(
  `✓ host files: ${written.join(', ')} in ${path.relative(process.cwd(), dir) || '.'} (${aliases} ${aliases === 1 ? 'alias' : 'aliases'})`,
)
