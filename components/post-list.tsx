import Link from 'next/link'

import type { Post, SiteConfig } from '@/lib/content'
import { CategoryLinks } from './category-links'
import { PostMeta } from './post-meta'
import { UnpublishedBadge } from './unpublished-badge'

/**
 * A list of posts with title, date, reading time, categories and summary. On a category's page,
 * `category` is its slug, and that category is not repeated on every item.
 */
export function PostList({ posts, site, category }: { posts: Post[]; site: SiteConfig; category?: string }) {
  return (
    <ol className="divide-y divide-[var(--line)]">
      {posts.map((post) => (
        <li key={post.slug} className="py-8 first:pt-2">
          <article>
            <CategoryLinks categories={post.terms.categories} except={category} className="mb-2" />
            <h2 className="text-2xl font-bold tracking-tight text-balance">
              <Link href={post.url} className="text-[var(--fg)] hover:text-[var(--link)]">
                {post.title}
              </Link>{' '}
              <UnpublishedBadge post={post} />
            </h2>
            <div className="mt-2">
              <PostMeta post={post} site={site} />
            </div>
            <p className="mt-3 leading-relaxed text-pretty">{post.summary}</p>
          </article>
        </li>
      ))}
    </ol>
  )
}
