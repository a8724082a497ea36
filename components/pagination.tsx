import Link from 'next/link'

/** Newer/older links for paginated lists; `href(n)` gives page n's URL (page 1 is the list itself). */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) return null
  const link = 'inline-flex min-h-10 items-center font-medium text-[var(--link)] hover:underline'
  // Two equal outer columns keep "Page N of M" in the middle whichever links are present.
  return (
    <nav
      aria-label="Pagination"
      className="mt-10 grid grid-cols-[1fr_auto_1fr] items-center gap-4 border-t border-[var(--line)] pt-6 text-sm"
    >
      <span className="justify-self-start">
        {page > 1 ? (
          <Link href={href(page - 1)} rel="prev" className={link}>
            ← Newer posts
          </Link>
        ) : null}
      </span>
      <span className="text-[var(--muted)]">
        Page {page} of {pages}
      </span>
      <span className="justify-self-end">
        {page < pages ? (
          <Link href={href(page + 1)} rel="next" className={link}>
            Older posts →
          </Link>
        ) : null}
      </span>
    </nav>
  )
}
