'use client'

import { useEffect, useId, useState } from 'react'

import { useBrowserValue } from '../hydration'
import { excerptParts, loadPagefind, type PagefindResultData } from './pagefind'

const MAX_RESULTS = 10

type State =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; results: PagefindResultData[]; total: number }
  | { status: 'error'; query: string }

/** What to show for `query`, given the last answer: the previous results stay until new ones arrive. */
function shown(query: string, last: State): State {
  if (!query) return { status: 'idle' }
  if (last.status === 'done' || (last.status === 'error' && last.query === query)) return last
  return { status: 'searching' }
}

/**
 * A search box with results from the static Pagefind index: title, link and an excerpt with the
 * words marked. With `inUrl` (the /search page) the query is read from and kept in `?q=`.
 */
export function SearchPanel({ inUrl = false, onNavigate }: { inUrl?: boolean; onNavigate?: () => void }) {
  // On /search the query starts as ?q= (known only in the browser), until the reader types.
  const fromUrl = useBrowserValue(() => (inUrl ? (new URLSearchParams(window.location.search).get('q') ?? '') : ''), '')
  const [typed, setQuery] = useState<string | undefined>(undefined)
  const query = typed ?? fromUrl
  const [last, setState] = useState<State>({ status: 'idle' })
  const state = shown(query.trim(), last)
  const id = useId()

  useEffect(() => {
    const q = query.trim()
    if (!q) return
    let stale = false
    loadPagefind()
      .then(async (pagefind) => {
        const search = await pagefind.debouncedSearch(q, {}, 150)
        if (!search || stale) return
        const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()))
        if (!stale) setState({ status: 'done', query: q, results, total: search.results.length })
      })
      .catch(() => !stale && setState({ status: 'error', query: q }))
    return () => {
      stale = true
    }
  }, [query])

  return (
    <div className="search-panel">
      {/* Not a <form>: results follow the typing, there is nothing to submit. */}
      <div role="search">
        <label htmlFor={`${id}-q`} className="sr-only">
          Search posts
        </label>
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            if (inUrl) history.replaceState(history.state, '', event.target.value ? `?q=${encodeURIComponent(event.target.value)}` : '?')
          }}
          placeholder="Search posts"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-describedby={`${id}-status`}
          className="search-input"
        />
      </div>
      <p id={`${id}-status`} role="status" className="search-status">
        {state.status === 'searching'
          ? 'Searching…'
          : state.status === 'error'
            ? 'Search is not available: the index is built by npm run build.'
            : state.status === 'done'
              ? state.total === 0
                ? `No posts found for “${state.query}”.`
                : `${state.total} ${state.total === 1 ? 'post' : 'posts'} found${state.total > MAX_RESULTS ? `, showing the first ${MAX_RESULTS}` : ''}.`
              : ''}
      </p>
      {state.status === 'done' && state.results.length ? (
        <ol className="search-results">
          {state.results.map((result) => (
            <li key={result.url}>
              <a href={result.url} onClick={onNavigate}>
                <span className="search-result-title">{result.meta.title ?? result.url}</span>
                <span className="search-result-excerpt">
                  {excerptParts(result.excerpt).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}
                </span>
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
