import type { Post } from '@/lib/content'

/** "Draft" or "Scheduled" on posts that only next dev and previews show. */
export function UnpublishedBadge({ post }: { post: Pick<Post, 'unpublished'> }) {
  if (!post.unpublished) return null
  return (
    <span className="inline-flex items-center rounded-full border border-amber-600/40 bg-amber-100 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-200">
      {post.unpublished === 'draft' ? 'Draft' : 'Scheduled'}
    </span>
  )
}
