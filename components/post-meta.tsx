import Link from 'next/link'
import { Fragment } from 'react'

import { formatDate, type Post, type SiteConfig } from '@/lib/content'
import { pagePath } from '@/lib/routes'

/** Published and updated dates, authors (linked to their pages) and reading time, as one line. */
export function PostMeta({ post, site, showAuthor = false }: { post: Post; site: SiteConfig; showAuthor?: boolean }) {
  const date = (d: Date) => formatDate(d, site.language, site.timeZone)
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-[var(--muted)]">
      {showAuthor ? (
        <>
          <span>
            {post.authors.map((author, i) => (
              <Fragment key={author.id ?? author.name}>
                {i === 0 ? '' : i === post.authors.length - 1 ? ' and ' : ', '}
                {author.id ? (
                  <Link href={pagePath.author(author.id)} rel="author" className="hover:text-[var(--link)] hover:underline">
                    {author.name}
                  </Link>
                ) : (
                  author.name
                )}
              </Fragment>
            ))}
          </span>
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
