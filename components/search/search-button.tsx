'use client'

import Link from 'next/link'
import { lazy, Suspense, useEffect, useState } from 'react'

import { StrokeIcon } from '../stroke-icon'

// The dialog, its results list and Pagefind load only when the reader opens search.
const SearchDialog = lazy(() => import('./search-dialog'))

/** Opens search in a dialog: a click, `/` or Ctrl-K (⌘K). Without JavaScript, a link to /search. */
export function SearchButton() {
  // How often search was opened: the dialog loads on the first, and shows itself on each one.
  const [opens, setOpens] = useState(0)
  const open = () => setOpens((n) => n + 1)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      const typing = target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')
      const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey
      const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey
      if (!slash && !ctrlK) return
      event.preventDefault()
      open()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <Link
        href="/search"
        // Search opens in place; the page itself is only for readers without JavaScript.
        prefetch={false}
        onClick={(event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return
          event.preventDefault()
          open()
        }}
        aria-keyshortcuts="/ Control+K"
        className="inline-flex h-9 items-center gap-2 rounded-md px-2 text-[0.95rem] text-[var(--muted)] hover:bg-[var(--surface)] hover:text-[var(--fg)]"
      >
        <StrokeIcon>
          <circle cx="11" cy="11" r="6.5" />
          <path d="m16 16 4.5 4.5" />
        </StrokeIcon>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd aria-hidden="true" className="hidden rounded border border-[var(--line)] px-1.5 font-sans text-xs sm:inline">
          /
        </kbd>
      </Link>
      {opens > 0 ? (
        <Suspense fallback={null}>
          <SearchDialog opens={opens} />
        </Suspense>
      ) : null}
    </>
  )
}
