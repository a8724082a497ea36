import fs from 'node:fs'
import path from 'node:path'

import type { Post, Problem } from './content'
import { decodeUrl, safeDecode } from './urls'

// A post's `aliases` are its old URLs. app/[...alias]/route.ts answers each of them: under
// next start with a 308 to the post; in a static export, where no server sends statuses, with a
// small page holding a canonical link and a refresh, written where a static host looks for that
// path (`/a/b/` → a/b/index.html, `/a/b` → a/b.html, `/a/b.html` as it is). Hosts that read
// _redirects (Netlify, Cloudflare Pages) get a 301 for each as well (lib/static-host).

/** The route segments an alias is served at: for next start, or as files in a static export. */
export function aliasSegments(alias: string, staticExport: boolean): string[] {
  // A bad escape is reported by aliasProblems; here it is kept as written.
  const segments = alias.split('/').filter(Boolean).map(safeDecode)
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

/** What else the build serves, which no alias may claim. */
export interface Taken {
  /** Every path the build serves (Content.paths): decoded, without trailing slashes. */
  paths?: Iterable<string>
  /** The folder served at the site root. */
  publicDir?: string
}

/**
 * Aliases that cannot work, at their position in the post: a bad URL, a query, fragment, dot
 * segment or backslash (which a browser never asks for as written), the home page, a path the
 * site itself serves or a static export writes, a file in public/, or one claimed by two posts.
 */
export function aliasProblems(posts: Post[], reserved: Set<string>, taken: Taken = {}): Problem[] {
  const problems: Problem[] = []
  const seen = new Map<string, Post>()
  const paths = new Set(taken.paths)
  const files = exportFiles(paths)
  for (const post of posts) {
    const source = fs.existsSync(post.file) ? fs.readFileSync(post.file, 'utf8') : ''
    for (const alias of post.aliases) {
      // Frontmatter positions are not kept on the post; the alias's own text, after `aliases:`, locates it.
      const offset = locate(source, alias)
      const found = aliasProblem(alias, reserved, { paths, files, publicDir: taken.publicDir })
      const keys = [plain(alias), aliasSegments(alias, true).join('/')]
      const other = keys.map((key) => seen.get(key)).find((p) => p && p !== post)
      const problem =
        found ??
        (other ? { message: `alias "${alias}" is also an alias of ${other.slug} (an old URL can lead to one post only)` } : undefined)
      if (problem) {
        const before = source.slice(0, Math.max(0, offset < 0 ? 0 : offset + (problem.at ?? 0)))
        problems.push({
          severity: 'error',
          file: post.file,
          line: before.split('\n').length,
          column: before.length - before.lastIndexOf('\n'),
          message: problem.message,
        })
      } else {
        for (const key of keys) seen.set(key, post)
      }
    }
  }
  return problems
}

/** What is wrong with one alias on its own, and where in it (`at`, from 0), if anything. */
function aliasProblem(
  alias: string,
  reserved: Set<string>,
  { paths, files, publicDir }: { paths: Set<string>; files: Map<string, string>; publicDir?: string },
): { message: string; at?: number } | undefined {
  const decoded = decodeUrl(alias, `alias "${alias}"`)
  if (decoded.error !== undefined) return { message: decoded.error, at: decoded.at }
  const bare = alias.split(/[?#]/)[0]!
  const mark = /[\\?#]/.exec(alias)
  if (mark?.[0] === '\\')
    return { message: `alias "${alias}" has a backslash, which browsers read as / (write ${alias.replaceAll('\\', '/')})`, at: mark.index }
  if (mark?.[0] === '?')
    return {
      message: `alias "${alias}" has a query, which an old URL cannot be matched by: only its path is (write ${bare})`,
      at: mark.index,
    }
  if (mark?.[0] === '#')
    return { message: `alias "${alias}" has a fragment, which browsers never send to the server (write ${bare})`, at: mark.index }
  const segments = alias.split('/')
  const dot = segments.findIndex((s) => /^(\.|%2e){1,2}$/i.test(s))
  if (dot >= 0) {
    const at = segments.slice(0, dot).join('/').length + 1
    return {
      message: `alias "${alias}" has a "." or ".." segment, which browsers resolve away before they ask (write ${path.posix.normalize(safeDecode(alias))})`,
      at,
    }
  }
  const first = safeDecode(alias.split('/').filter(Boolean)[0] ?? '')
  const file = aliasSegments(alias, true).join('/')
  const page = files.get(file) ?? (paths.has(plain(safeDecode(alias))) ? plain(safeDecode(alias)) : undefined)
  if (!first) return { message: `alias "${alias}" is the home page (list only old URLs of this post)` }
  if (reserved.has(first) || first.startsWith('_')) {
    const own = [...reserved].filter((r) => !r.startsWith('_')).map((r) => `/${r}`)
    return {
      message: `alias "${alias}" is inside /${first}, where the site's own pages are (an alias must be an old URL outside ${own.join(', ')})`,
    }
  }
  if (page)
    return { message: `alias "${alias}" is where the site's own page ${page} is served (list only old URLs that no page of the site uses)` }
  const inPublic = (f: string) =>
    publicDir && fs.statSync(path.join(/*turbopackIgnore: true*/ publicDir, f), { throwIfNoEntry: false })?.isFile()
  if (inPublic(safeDecode(alias)) || inPublic(file))
    return { message: `alias "${alias}" is a file in public/, which is served instead (list only old URLs that no file of the site uses)` }
  return undefined
}

const plain = (pathname: string) => pathname.replace(/(.)\/+$/, '$1')

/**
 * The files a static export writes for the site's own paths, each with its path: `/` is
 * index.html, a page `/a/b` is a/b.html, a file such as /feed.xml is itself; and Next's 404 page.
 */
function exportFiles(paths: Iterable<string>): Map<string, string> {
  const files = new Map([['404.html', '/404']])
  for (const p of paths) {
    const last = p.split('/').at(-1) ?? ''
    files.set(p === '/' ? 'index.html' : last.includes('.') ? p.slice(1) : `${p.slice(1)}.html`, p)
  }
  return files
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

/**
 * The page a static export serves at an old URL: an immediate refresh and a visible link to the
 * post's path (`href`, root-relative, so a preview on localhost stays there), and a canonical link
 * to its public address (`canonical`), for browsers and crawlers alike.
 */
export function redirectPage({
  href,
  canonical,
  title,
  lang = 'en',
}: {
  href: string
  canonical: string
  title: string
  lang?: string
}): string {
  const [to, url] = [escape(href), escape(canonical)]
  return `<!DOCTYPE html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<link rel="canonical" href="${url}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>This page has moved to <a href="${to}">${escape(title)}</a>.</p>
</body>
</html>
`
}

/** The app folder, for reservedSegments. */
export const APP_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'app')
