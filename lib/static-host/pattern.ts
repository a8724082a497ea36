// Path patterns as Netlify and Cloudflare Pages read them in _headers and _redirects: a literal
// path, where `*` (one per pattern) matches anything, slashes included, and `:name` one segment.

/** A compiled pattern: does `pathname` match, and with which `splat` and placeholders. */
export type PathMatcher = (pathname: string) => Record<string, string> | undefined

/** `pattern` (`/blog/*`, `/posts/:slug`, `/*.svg`) as a matcher of decoded URL paths. */
export function pathMatcher(pattern: string): PathMatcher {
  let source = ''
  for (const part of pattern.split(/(\*|:[A-Za-z]\w*)/)) {
    if (part === '*') source += '(?<splat>.*)'
    else if (/^:[A-Za-z]\w*$/.test(part)) source += `(?<${part.slice(1)}>[^/]+)`
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  const regex = new RegExp(`^${source}$`)
  return (pathname) => {
    const found = regex.exec(pathname)
    return found ? { ...found.groups } : undefined
  }
}

/** `text` with `:splat` and `:name` replaced by what a match captured. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/:([A-Za-z]\w*)/g, (whole, name: string) => values[name] ?? whole)
}
