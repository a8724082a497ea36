import Link from 'next/link'

/** Newer/older links for paginated lists; `href(n)` gives page n's URL (page 1 is the list itself). */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (n: number) => string }) {
  if (pages <= 1) return null
  return (
    <nav aria-label="Pagination" className="mt-10 flex items-center justify-between border-t border-[var(--line)] pt-6 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-medium text-[var(--link)]">
          ← Newer posts
        </Link>
      ) : (
        <span />
      )}
      <span className="text-[var(--muted)]">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next" className="font-medium text-[var(--link)]">
          Older posts →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
