import type { TocHeading } from '@/lib/content'
import { TocHighlighter } from './toc-highlighter'

function Entries({ headings }: { headings: TocHeading[] }) {
  return (
    <ol className="space-y-1.5 text-sm">
      {headings.map((h) => (
        <li key={h.id} className={h.depth === 3 ? 'pl-4' : undefined}>
          <a href={`#${h.id}`} className="toc-link">
            {h.text}
          </a>
        </li>
      ))}
    </ol>
  )
}

/**
 * The post's h2 and h3 headings as links: `inline` is folded above the text on narrow screens,
 * `sidebar` sticks beside it on wide ones. CSS displays one of the two (and so exposes only one
 * to assistive technology) at a time. With JavaScript, the section being read is highlighted.
 */
export function TableOfContents({ headings, variant }: { headings: TocHeading[]; variant: 'inline' | 'sidebar' }) {
  if (headings.length < 2) return null
  if (variant === 'inline') {
    return (
      <details className="mb-8 rounded-lg border border-[var(--line)] px-4 py-3 lg:hidden">
        <summary className="cursor-pointer text-sm font-semibold">On this page</summary>
        {/* Named as its summary: only one of the two variants is ever displayed, but each needs
            a name of its own to be a distinct landmark in the markup. */}
        <nav aria-label="On this page" data-toc className="mt-3">
          <Entries headings={headings} />
        </nav>
      </details>
    )
  }
  return (
    <nav aria-label="Table of contents" data-toc className="sticky top-8 hidden max-h-[calc(100vh-4rem)] overflow-y-auto lg:block">
      <p className="mb-3 text-xs font-semibold uppercase tracking-wider text-[var(--muted)]">On this page</p>
      <Entries headings={headings} />
      {/* One highlighter serves both variants; the sidebar is on every page that has a TOC. */}
      <TocHighlighter ids={headings.map((h) => h.id)} />
    </nav>
  )
}
