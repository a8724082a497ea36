import { aliasSegments } from '../aliases'
import { withBasePath } from '../base-path.mjs'
import type { Post } from '../content'
import { encodePath, safeDecode } from '../urls'
import { fillPlaceholders, pathMatcher, type PathMatcher } from './pattern'

// _redirects for Netlify and Cloudflare Pages: each old URL of a post (frontmatter `aliases`) as
// a 301 to the post, one `/old /new 301` line each. Missing pages need no rule: both hosts serve
// 404.html with status 404 by themselves, and Cloudflare refuses a `/* /404.html 404` line.

/** One line of a _redirects file. */
export interface RedirectRule {
  from: string
  to: string
  status: number
  /** Netlify's `301!`: applied even where a file exists at `from`. */
  force?: boolean
}

/**
 * Both spellings of an alias: Cloudflare matches `/a/` and `/a` as two paths (Netlify as one, and
 * takes the first rule). A file name (`/old.html`) has one.
 */
function spellings(alias: string): string[] {
  const path = encodePath(alias)
  if (path.endsWith('/')) return [path, path.replace(/\/+$/, '')]
  return /\.[^/]*$/.test(path) ? [path] : [path, `${path}/`]
}

/** The redirect rules of an export under `base`: every alias of every published post, as a 301. */
export function redirectRules(posts: Post[], base: string): RedirectRule[] {
  const rules: RedirectRule[] = []
  const seen = new Set<string>()
  for (const post of posts) {
    for (const alias of post.aliases) {
      // The home page is no alias (aliasProblems reports it); nothing is written for it.
      if (!aliasSegments(alias, false).length) continue
      for (const from of spellings(alias).map((p) => withBasePath(p, base))) {
        if (seen.has(from)) continue
        seen.add(from)
        rules.push({ from, to: withBasePath(encodePath(post.url), base), status: 301 })
      }
    }
  }
  return rules
}

/** Rules as the text of a _redirects file. */
export function formatRedirects(rules: RedirectRule[]): string {
  const lines = rules.map((r) => `${r.from} ${r.to} ${r.status}${r.force ? '!' : ''}`)
  return [
    '# Written by npm run export: the old URLs of posts (`aliases`), for Netlify and Cloudflare Pages.',
    '# No rule for missing pages: both hosts serve 404.html with status 404 without one.',
    ...lines,
    '',
  ].join('\n')
}

/** A _redirects file read back: its rules, and the lines that are not rules (as hosts ignore them). */
export function parseRedirects(text: string): { rules: RedirectRule[]; invalid: { line: number; text: string }[] } {
  const rules: RedirectRule[] = []
  const invalid: { line: number; text: string }[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const tokens = line.split(/\s+/)
    const end = tokens.findIndex((t, i) => i >= 2 && t.startsWith('#'))
    const [from, to, code = '301'] = end < 0 ? tokens : tokens.slice(0, end)
    const status = Number(code.replace(/!$/, ''))
    if (!from?.startsWith('/') || !to || (end < 0 ? tokens.length : end) > 3 || !REDIRECT_STATUSES.has(status)) {
      invalid.push({ line: index + 1, text: raw })
    } else {
      rules.push({ from, to, status, ...(code.endsWith('!') ? { force: true } : {}) })
    }
  })
  return { rules, invalid }
}

/** The statuses both hosts agree on: redirects, and 200 for a rewrite to a path of the site. */
const REDIRECT_STATUSES = new Set([200, 301, 302, 303, 307, 308])

/** A redirect rule with its matcher, for redirectFor. */
export type CompiledRedirectRule = RedirectRule & { match: PathMatcher }

/** Rules ready to match: their sources decoded, as request paths are before matching. */
export function compileRedirects(rules: RedirectRule[]): CompiledRedirectRule[] {
  return rules.map((rule) => ({ ...rule, match: pathMatcher(safeDecode(rule.from)) }))
}

/** The first rule for a decoded path, with its target filled in; undefined when none matches. */
export function redirectFor(rules: CompiledRedirectRule[], pathname: string): { to: string; status: number } | undefined {
  for (const rule of rules) {
    const values = rule.match(pathname)
    if (values) return { to: fillPlaceholders(rule.to, values), status: rule.status }
  }
  return undefined
}
