import fs from 'node:fs'
import path from 'node:path'
import type { Post, Problem } from './content'

// A post's `aliases` are its old URLs. app/[...alias]/route.ts answers each of them: under
// next start with a 308 to the post; in a static export, where no server sends statuses, with a
// small page holding a canonical link and a refresh, written where a static host looks for that
// path (`/a/b/` → a/b/index.html, `/a/b` → a/b.html, `/a/b.html` as it is).

/** The route segments an alias is served at: for next start, or as files in a static export. */
export function aliasSegments(alias: string, staticExport: boolean): string[] {
  const segments = alias.split('/').filter(Boolean).map(decodeURIComponent)
  if (!staticExport || !segments.length) return segments
  if (alias.endsWith('/')) return [...segments, 'index.html']
  const last = segments.at(-1)!
  return /\.html?$/i.test(last) ? segments : [...segments.slice(0, -1), `${last}.html`]
}

/** Each alias's route segments (joined with /) and the post it leads to. */
export function aliasTargets(posts: Post[], staticExport: boolean): Map<string, Post> {
  const targets = new Map<string, Post>()
  for (const post of posts) {
    for (const alias of post.aliases) {
      const segments = aliasSegments(alias, staticExport)
      if (segments.length) targets.set(segments.join('/'), post)
    }
  }
  return targets
}

/**
 * First URL segments that the app's own routes answer (folders at the top of app/, and the
 * metadata files), which an alias cannot claim: a request for /posts/old-name reaches the post
 * route, which knows nothing of aliases, and never the alias route.
 */
export function reservedSegments(appDir: string): Set<string> {
  const reserved = new Set(['sitemap.xml', 'robots.txt', '_next'])
  if (!fs.existsSync(appDir)) return reserved
  for (const entry of fs.readdirSync(appDir, { withFileTypes: true })) {
    if (entry.isDirectory() && !/^[[(_@.]/.test(entry.name)) reserved.add(entry.name)
    else if (entry.isFile() && /^(icon|apple-icon|favicon)\./.test(entry.name)) reserved.add(entry.name)
  }
  return reserved
}

/** Aliases that cannot work: the home page, a path inside the site's own routes, or one claimed by two posts. */
export function aliasProblems(posts: Post[], reserved: Set<string>): Problem[] {
  const problems: Problem[] = []
  const seen = new Map<string, Post>()
  for (const post of posts) {
    const source = fs.existsSync(post.file) ? fs.readFileSync(post.file, 'utf8') : ''
    for (const alias of post.aliases) {
      // Frontmatter positions are not kept on the post; the alias's own text, after `aliases:`, locates it.
      const before = source.slice(0, Math.max(0, locate(source, alias)))
      const at = { severity: 'error' as const, file: post.file, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') }
      const first = alias.split('/').filter(Boolean)[0]
      const key = alias.replace(/(.)\/+$/, '$1')
      if (!first) {
        problems.push({ ...at, message: `alias "${alias}" is the home page (list only old URLs of this post)` })
      } else if (reserved.has(decodeURIComponent(first))) {
        problems.push({ ...at, message: `alias "${alias}" is inside /${first}, where the site's own pages are (an alias must be an old URL outside ${[...reserved].filter((r) => !r.startsWith('_')).map((r) => `/${r}`).join(', ')})` })
      } else if (seen.has(key) && seen.get(key) !== post) {
        problems.push({ ...at, message: `alias "${alias}" is also an alias of ${seen.get(key)!.slug} (an old URL can lead to one post only)` })
      } else {
        seen.set(key, post)
      }
    }
  }
  return problems
}

/** Offset of `alias` as a whole item in the `aliases:` list of a post's source, or -1. */
function locate(source: string, alias: string): number {
  const start = source.search(/^aliases:/m)
  if (start < 0) return -1
  const pattern = new RegExp(`(?<=[\\s\\[,"'])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s\\],"']|$)`)
  const found = source.slice(start).search(pattern)
  return found < 0 ? -1 : start + found
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`)

/** The page a static export serves at an old URL: a canonical link and an immediate refresh, for browsers and crawlers alike. */
export function redirectPage(target: string, title: string, lang = 'en'): string {
  const url = escape(target)
  return `<!DOCTYPE html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<link rel="canonical" href="${url}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${url}">
</head>
<body>
<p>This page has moved to <a href="${url}">${url}</a>.</p>
</body>
</html>
`
}

/** The app folder, for reservedSegments. */
export const APP_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'app')
