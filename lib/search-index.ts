import fs from 'node:fs'
import path from 'node:path'

import { readEnv } from './env'

/** The attribute that marks the searchable part of a page; only published posts carry it. */
export const SEARCH_BODY = 'data-pagefind-body'

/** Where the built pages are and where their search index goes, for `next build` or an export. */
export function searchIndexPaths(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): { pages: string; output: string } {
  const env = readEnv(source)
  if (env.INKWELL_OUTPUT === 'export') {
    // A static export is the site as files (out/, or a custom distDir): the index sits inside it.
    const site = path.resolve(/*turbopackIgnore: true*/ cwd, env.INKWELL_DIST_DIR || 'out')
    return { pages: site, output: path.join(site, 'pagefind') }
  }
  // next start serves prerendered pages from <distDir>/server/app and the index through
  // app/pagefind/[...file]/route.node.ts, so each build keeps its own index.
  // turbopackIgnore: a build's own output, never a file to trace into a standalone server.
  const dist = path.resolve(/*turbopackIgnore: true*/ cwd, env.INKWELL_DIST_DIR || '.next')
  return { pages: path.join(dist, 'server', 'app'), output: path.join(dist, 'pagefind') }
}

/** The URL path a built page is served at: `posts/a.html` → `/posts/a`, `index.html` → `/`. */
export function pageUrl(relativeFile: string): string {
  const clean = relativeFile
    .split(path.sep)
    .join('/')
    .replace(/\.html$/, '')
  return clean === 'index' ? '/' : `/${clean.replace(/\/index$/, '')}`
}

/**
 * The built pages to index: every HTML file under `dir` that marks a searchable body. Drafts never
 * carry the mark (and production builds have no draft pages at all), nor do lists and the 404.
 */
export function searchablePages(dir: string): { url: string; file: string }[] {
  if (!fs.existsSync(dir)) return []
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => name.endsWith('.html') && !name.split(path.sep).includes('pagefind'))
    .sort()
    .map((name) => ({ url: pageUrl(name), file: path.join(dir, name) }))
    .filter(({ file }) => fs.readFileSync(file, 'utf8').includes(SEARCH_BODY))
}
