import fs from 'node:fs'
import path from 'node:path'

import type { Post } from '../content'
import { formatHeaders, headerRules } from './headers'
import { formatRedirects, redirectRules } from './redirects'

export { headerRules, formatHeaders, parseHeaders, compileHeaders, headersFor, type HeaderRule } from './headers'
export { redirectRules, formatRedirects, parseRedirects, compileRedirects, redirectFor, type RedirectRule } from './redirects'
export { answer, createStaticServer, exportBasePath, readStaticSite, type StaticSite } from './server'

/** What the host files are made from: the published posts, the base path, the comment server. */
export interface HostFileInput {
  posts: Post[]
  basePath: string
  /** `comments.endpoint`, whose origin the pages fetch from. */
  commentEndpoint?: string
}

/**
 * Writes the files static hosts read into an export folder: _headers and _redirects (Netlify,
 * Cloudflare Pages) and .nojekyll (GitHub Pages: a branch it publishes goes through Jekyll,
 * which leaves out folders starting with `_`, _next/ among them). Returns their names.
 */
export function writeHostFiles(dir: string, { posts, basePath, commentEndpoint }: HostFileInput): string[] {
  const connect = commentEndpoint ? [new URL(commentEndpoint).origin] : []
  const files: Record<string, string> = {
    _headers: formatHeaders(headerRules(basePath, connect)),
    _redirects: formatRedirects(redirectRules(posts, basePath)),
    '.nojekyll': '',
  }
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
  return Object.keys(files)
}
