import { formatDate, type Post, type SiteConfig } from '@/lib/content'

/** Published and updated dates, author and reading time, as one line. */
export function PostMeta({ post, site, showAuthor = false }: { post: Post; site: SiteConfig; showAuthor?: boolean }) {
  const date = (d: Date) => formatDate(d, site.language, site.timeZone)
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-[var(--muted)]">
      {showAuthor ? (
        <>
          <span>{post.author.name}</span>
          <span aria-hidden="true">·</span>
        </>
      ) : null}
      <time dateTime={post.date.toISOString()}>{date(post.date)}</time>
      {post.updated ? (
        <>
          <span aria-hidden="true">·</span>
          <span>
            Updated <time dateTime={post.updated.toISOString()}>{date(post.updated)}</time>
          </span>
        </>
      ) : null}
      <span aria-hidden="true">·</span>
      <span>{post.readingMinutes} min read</span>
    </p>
  )
}
