import { withBasePath } from '../base-path.mjs'
import { contentSecurityPolicy, securityHeaders, svgPolicy } from '../security-headers.mjs'
import { safeDecode } from '../urls'
import { pathMatcher, type PathMatcher } from './pattern'

// _headers for Netlify and Cloudflare Pages: the headers next start and deploy/nginx.conf send,
// from the same source (lib/security-headers.mjs). Both hosts read the same syntax: a path
// pattern on a line of its own, then its headers indented below it, `Name: value`.

/** One block of a _headers file: a path pattern and the headers it adds. */
export interface HeaderRule {
  path: string
  headers: { key: string; value: string }[]
}

/** Files whose names carry a content hash, which never change: cached for a year, as nginx does. */
const IMMUTABLE = ['/_next/static/*', '/pagefind/*.pf_fragment', '/pagefind/*.pf_index', '/pagefind/*.pf_meta', '/pagefind/*.pf_filter']
const YEAR = 'public, max-age=31536000, immutable'

/**
 * The header rules of an export under `base` ('' or '/blog'). `connect` adds origins the pages
 * fetch from (the `comments.endpoint` server). Both hosts give a response every rule that matches
 * and join repeated headers with a comma: an SVG then carries the site policy and the SVG policy,
 * and a browser enforces both, which is the SVG policy. For the same reason only hashed files get
 * a Cache-Control; everything else keeps the hosts' default, which revalidates.
 */
export function headerRules(base: string, connect: readonly string[] = []): HeaderRule[] {
  const csp = { key: 'Content-Security-Policy', value: contentSecurityPolicy({ connect }) }
  return [
    { path: withBasePath('/*', base), headers: [csp, ...securityHeaders] },
    { path: withBasePath('/*.svg', base), headers: [{ key: 'Content-Security-Policy', value: svgPolicy }] },
    ...IMMUTABLE.map((path) => ({ path: withBasePath(path, base), headers: [{ key: 'Cache-Control', value: YEAR }] })),
  ]
}

/** Rules as the text of a _headers file. */
export function formatHeaders(rules: HeaderRule[]): string {
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map((h) => `  ${h.key}: ${h.value}`)].join('\n'))
  return `# Written by npm run export from lib/security-headers.mjs, for Netlify and Cloudflare Pages.\n\n${blocks.join('\n\n')}\n`
}

/** A _headers file read back: its rules, and the lines that are not rules (as hosts ignore them). */
export function parseHeaders(text: string): { rules: HeaderRule[]; invalid: { line: number; text: string }[] } {
  const rules: HeaderRule[] = []
  const invalid: { line: number; text: string }[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    if (!/^\s/.test(raw)) {
      rules.push({ path: line, headers: [] })
      return
    }
    const colon = line.indexOf(':')
    const rule = rules.at(-1)
    if (!rule || colon < 1) invalid.push({ line: index + 1, text: raw })
    else rule.headers.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() })
  })
  return { rules, invalid }
}

/** Every header that the rules give a decoded path, repeated names joined with a comma. */
export function headersFor(rules: CompiledHeaderRule[], pathname: string): Record<string, string> {
  const found: Record<string, string> = {}
  const names = new Map<string, string>()
  for (const rule of rules) {
    if (!rule.match(pathname)) continue
    for (const { key, value } of rule.headers) {
      const name = names.get(key.toLowerCase()) ?? key
      names.set(key.toLowerCase(), name)
      found[name] = found[name] === undefined ? value : `${found[name]}, ${value}`
    }
  }
  return found
}

/** A header rule with its matcher, for headersFor. */
export type CompiledHeaderRule = HeaderRule & { match: PathMatcher }

/** Rules ready to match: their paths decoded, as request paths are before matching. */
export function compileHeaders(rules: HeaderRule[]): CompiledHeaderRule[] {
  return rules.map((rule) => ({ ...rule, match: pathMatcher(safeDecode(rule.path)) }))
}
