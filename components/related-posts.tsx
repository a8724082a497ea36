import Link from 'next/link'

import type { PostLink } from '@/lib/content'

/** Other posts on the same subjects, at the end of a post. */
export function RelatedPosts({ posts }: { posts: PostLink[] }) {
  if (!posts.length) return null
  return (
    <section aria-labelledby="related-heading" className="mt-12">
      <h2 id="related-heading" className="text-lg font-semibold">
        Related posts
      </h2>
      <ul className="mt-3 space-y-2">
        {posts.map((post) => (
          <li key={post.slug}>
            <Link href={post.url} className="text-[var(--link)] hover:underline">
              {post.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
