// The one source of the site's base path: '' for a site at the root of its host, '/blog' for one
// under https://me.github.io/blog. Plain .mjs because next.config.mjs, the scripts, server code
// and client components all import it; it imports nothing (site.yaml is read only on demand).
//
// Where it comes from: INKWELL_BASE_PATH if set, else the path of the site URL (SITE_URL, else
// `url:` in content/site.yaml). next.config.mjs resolves it once per build (siteBasePath) and
// hands it to every bundle as process.env.INKWELL_BASE_PATH, which Next's `env` inlines, in
// client code too ('/' for a site at the root). So code inside the app reads basePath() and never
// looks at site.yaml; outside Next (scripts, tests) basePath() resolves it the same way.

/** Thrown for a base path Inkwell cannot serve under; the message names where it came from. */
export class BasePathError extends Error {}

// One or more segments of URL-safe characters; no `.`/`..` segments, no query, fragment or escape.
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/

/**
 * `value` as a base path: '' or a leading slash and no trailing one ('blog/' → '/blog', '/' → '').
 * Throws a BasePathError naming `source` for anything else.
 */
export function normalizeBasePath(value, source = 'INKWELL_BASE_PATH') {
  const trimmed = String(value ?? '').trim()
  const inner = trimmed.replace(/^\/+|\/+$/g, '')
  const segments = inner ? inner.split('/') : []
  if (!segments.every((segment) => SEGMENT.test(segment))) {
    throw new BasePathError(
      `${source}=${JSON.stringify(trimmed)} is not a base path (use a path such as /blog: letters, digits and - _ . ~ between slashes, no query or escapes)`,
    )
  }
  return segments.length ? `/${segments.join('/')}` : ''
}

/**
 * The base path for `env` and the site.yaml URL `siteUrl`: INKWELL_BASE_PATH wins, else the path
 * of SITE_URL, else of `siteUrl`; '' without any of them.
 * @param {Record<string, string | undefined>} env
 * @param {string | undefined} [siteUrl]
 */
export function basePathFrom(env, siteUrl) {
  const explicit = env.INKWELL_BASE_PATH?.trim()
  if (explicit) return normalizeBasePath(explicit, 'INKWELL_BASE_PATH')
  const url = env.SITE_URL?.trim() ? env.SITE_URL.trim() : siteUrl
  if (!url) return ''
  const source = env.SITE_URL?.trim() ? 'the path of SITE_URL' : 'the path of the site url'
  let pathname
  try {
    pathname = new URL(url).pathname
  } catch {
    return '' // an unusable URL is reported, with its file and line, where the site config is read
  }
  return normalizeBasePath(pathname, source)
}

/**
 * The base path of this build: inside the app, what next.config.mjs resolved; in a script or a
 * test, what INKWELL_BASE_PATH, SITE_URL and the site.yaml of INKWELL_CONTENT_DIR (else
 * content/) say.
 */
export function basePath() {
  // Written out in full so Next replaces it with the resolved value in every bundle ('/' for
  // none, so that it is never empty: empty counts as unset, as in lib/env.ts).
  const resolved = process.env.INKWELL_BASE_PATH
  if (resolved?.trim()) return normalizeBasePath(resolved)
  return siteBasePath()
}

/**
 * The base path as next.config.mjs and the scripts resolve it: basePathFrom() of `env` and the
 * `url:` of site.yaml in INKWELL_CONTENT_DIR (else content/) under `cwd`. Node only.
 * @param {Record<string, string | undefined>} [env]
 * @param {string} [cwd]
 */
export function siteBasePath(env = process.env, cwd = process.cwd()) {
  if (env.INKWELL_BASE_PATH?.trim() || env.SITE_URL?.trim()) return basePathFrom(env)
  return basePathFrom(env, siteYamlUrl(env.INKWELL_CONTENT_DIR?.trim() || 'content', cwd))
}

// Loaded on demand, not imported: client components import this module too, and never get here.
function siteYamlUrl(contentDir, cwd) {
  const fs = process.getBuiltinModule('node:fs')
  const path = process.getBuiltinModule('node:path')
  const file = path.resolve(cwd, contentDir, 'site.yaml')
  if (!fs.existsSync(file)) return undefined
  const { parse } = process.getBuiltinModule('node:module').createRequire(import.meta.url)('yaml')
  try {
    const url = parse(fs.readFileSync(file, 'utf8'))?.url
    return typeof url === 'string' ? url : undefined
  } catch {
    return undefined // lib/content reports a broken site.yaml with its line
  }
}

/**
 * A root-relative path (`/posts/a`) under the base path (`/blog/posts/a`; `/` → `/blog`). Anything
 * else (`https://…`, `//cdn…`, `#top`, `./a.png`, `mailto:`) is returned as it is.
 * @param {string} path
 * @param {string} [base] default basePath()
 */
export function withBasePath(path, base = basePath()) {
  if (!path.startsWith('/') || path.startsWith('//')) return path
  if (!base) return path
  return path === '/' ? base : `${base}${path}`
}

/**
 * `pathname` as the app knows it, the base path taken off (`/blog/posts/a` → `/posts/a`,
 * `/blog` → `/`); undefined for a path outside the base path.
 * @param {string} pathname
 * @param {string} [base] default basePath()
 */
export function stripBasePath(pathname, base = basePath()) {
  if (!base) return pathname
  if (pathname === base) return '/'
  return pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : undefined
}
