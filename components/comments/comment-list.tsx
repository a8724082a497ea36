import type { ReactNode } from 'react'

import type { PublicComment } from '@/lib/comments/store'
import { commentPaths } from '@/lib/routes'

// The threaded list, shared by the comment island (post pages) and the server-rendered comments
// page (readers without JavaScript). No hooks: it renders the same on either side.

interface Props {
  comments: PublicComment[]
  /** Formats a comment's time for display (the site's language and time zone). */
  formatTime: (iso: string) => string
  /** What goes under each comment: the island's Reply button and form, the page's Reply link. */
  actions?: (comment: PublicComment) => ReactNode
}

/** Replies nest under their parent; a reply whose parent is not shown goes to the top level. */
function children(comments: PublicComment[]): Map<number | null, PublicComment[]> {
  const ids = new Set(comments.map((c) => c.id))
  const byParent = new Map<number | null, PublicComment[]>()
  for (const comment of comments) {
    const parent = comment.parentId !== null && ids.has(comment.parentId) ? comment.parentId : null
    byParent.set(parent, [...(byParent.get(parent) ?? []), comment])
  }
  return byParent
}

/** Approved (and the reader's own pending) comments, threaded, oldest first. */
export function CommentList({ comments, formatTime, actions }: Props) {
  const tree = children(comments)
  const level = (parent: number | null, depth: number): ReactNode => {
    const items = tree.get(parent)
    if (!items?.length) return null
    return (
      <ol className={depth ? 'mt-4 space-y-4 border-l-2 border-[var(--line)] pl-4 sm:pl-6' : 'space-y-6'}>
        {items.map((comment) => (
          <li key={comment.id}>
            <article id={commentPaths.anchor(comment.id)} aria-label={`Comment by ${comment.name}`} className="scroll-mt-24">
              <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span className="font-semibold">
                  {comment.website ? (
                    <a
                      href={comment.website}
                      rel="nofollow ugc"
                      className="underline decoration-[var(--line)] underline-offset-2 hover:text-[var(--link)]"
                    >
                      {comment.name}
                    </a>
                  ) : (
                    comment.name
                  )}
                </span>
                {comment.isAuthor ? (
                  <span className="rounded bg-[var(--link)] px-1.5 py-0.5 text-xs font-semibold text-[var(--bg)]">Author</span>
                ) : null}
                <a href={`#${commentPaths.anchor(comment.id)}`} className="text-[var(--muted)] hover:text-[var(--link)]">
                  <time dateTime={comment.createdAt}>{formatTime(comment.createdAt)}</time>
                </a>
                {comment.status === 'pending' ? (
                  <span className="rounded border border-[var(--line)] px-1.5 py-0.5 text-xs">Awaiting moderation</span>
                ) : null}
              </header>
              <div className="prose prose-ink prose-sm mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: comment.html }} />
              {actions?.(comment)}
            </article>
            {level(comment.id, depth + 1)}
          </li>
        ))}
      </ol>
    )
  }
  return level(null, 0)
}

/** A time formatter in the site's language and time zone. */
export function timeFormatter(language: string, timeZone: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  return (iso) => format.format(new Date(iso))
}
