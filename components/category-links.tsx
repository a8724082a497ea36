import Link from 'next/link'
import { slugify } from '@/lib/slug'

/** A post's categories as small links above its title, in lists and on the post page. */
export function CategoryLinks({ categories, className = '' }: { categories: string[]; className?: string }) {
  if (!categories.length) return null
  return (
    <p className={`flex flex-wrap gap-x-3 text-xs font-semibold uppercase tracking-wider ${className}`}>
      {categories.map((c) => (
        <Link key={c} href={`/categories/${slugify(c)}`} className="text-[var(--link)] hover:underline">
          {c}
        </Link>
      ))}
    </p>
  )
}
