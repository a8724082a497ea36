import type { Post } from '@/lib/content'

const AMBER = 'border-amber-600/40 bg-amber-100 text-amber-900 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-200'
const RED = 'border-red-600/40 bg-red-100 text-red-900 dark:border-red-400/40 dark:bg-red-950 dark:text-red-200'

const BADGES: Record<NonNullable<Post['unpublished']>, { text: string; colors: string }> = {
  draft: { text: 'Draft', colors: AMBER },
  scheduled: { text: 'Scheduled', colors: AMBER },
  // next dev only: the post has errors, which its page shows.
  broken: { text: 'Error', colors: RED },
}

/** "Draft", "Scheduled" or "Error" on posts that only next dev and previews show. */
export function UnpublishedBadge({ post }: { post: Pick<Post, 'unpublished'> }) {
  if (!post.unpublished) return null
  const { text, colors } = BADGES[post.unpublished]
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${colors}`}>
      {text}
    </span>
  )
}
