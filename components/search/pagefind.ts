// The parts of Pagefind's browser API (/pagefind/pagefind.js, written by scripts/search-index.mts)
// that Inkwell uses.

import { withBasePath } from '@/lib/base-path.mjs'
import { pagePath } from '@/lib/routes'

export interface PagefindResultData {
  url: string
  excerpt: string
  meta: { title?: string }
}

interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>
  debouncedSearch(query: string, options?: object, timeout?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>
}

let loading: Promise<Pagefind> | undefined

/** Pagefind, loaded on first use. Its URL is the same under next start and in a static export. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Not bundled: the file is written after the build, and fetched from the site as it is.
    const pagefind = (await import(/* webpackIgnore: true */ withBasePath(pagePath.searchScript))) as Pagefind
    await pagefind.options({ excerptLength: 24 })
    return pagefind
  })()
  // A failed load (no index built yet) may be retried on the next search.
  loading.catch(() => (loading = undefined))
  return loading
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }

/** An excerpt (escaped text with <mark> around the matched words) as plain text parts. */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
  return excerpt
    .split(/(<mark>[^<]*<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const mark = part.startsWith('<mark>')
      const text = (mark ? part.slice(6, -7) : part).replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e)
      return { text, mark }
    })
}
