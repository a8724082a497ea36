import Link from 'next/link'

import type { TermLink } from '@/lib/content'

/**
 * A post's categories as small links above its title, in lists and on the post page. `except` is
 * the slug of a category to leave out: the one whose page the list is on.
 */
export function CategoryLinks({ categories, except, className = '' }: { categories: TermLink[]; except?: string; className?: string }) {
  const shown = except ? categories.filter((c) => c.slug !== except) : categories
  if (!shown.length) return null
  return (
    <p className={`flex flex-wrap gap-x-3 text-xs font-semibold uppercase tracking-wider ${className}`}>
      {shown.map((c) => (
        <Link key={c.slug} href={c.url} className="text-[var(--link)] hover:underline">
          {c.name}
        </Link>
      ))}
    </p>
  )
}
