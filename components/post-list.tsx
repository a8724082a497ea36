import Link from 'next/link'
import type { Post, SiteConfig } from '@/lib/content'
import { CategoryLinks } from './category-links'
import { PostMeta } from './post-meta'
import { UnpublishedBadge } from './unpublished-badge'

/** A list of posts with title, date, reading time, categories and summary. */
export function PostList({ posts, site }: { posts: Post[]; site: SiteConfig }) {
  return (
    <ol className="divide-y divide-[var(--line)]">
      {posts.map((post) => (
        <li key={post.slug} className="py-8 first:pt-2">
          <article>
            <CategoryLinks categories={post.categories} className="mb-2" />
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
