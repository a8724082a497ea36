import { slug as githubSlug } from 'github-slugger'

/** URL slug for a heading or taxonomy name: github-slugger, minus the stray hyphens emoji and symbols leave. */
export function slugify(text: string): string {
  // NFC first: "ü" typed on a Mac may arrive as "u" plus a combining mark, and must give the same URL.
  return githubSlug(text.normalize('NFC'))
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A slugger for one document: repeated headings get -1, -2, … as on GitHub. */
export function createSlugger(fallback = 'section'): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = slugify(text) || fallback
    let id = base
    let n = seen.get(base) ?? 0
    while (seen.has(id)) id = `${base}-${++n}`
    seen.set(base, n)
    seen.set(id, 0)
    return id
  }
}
