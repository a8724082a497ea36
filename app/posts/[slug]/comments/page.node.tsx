import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CommentForm } from '@/components/comments/comment-form'
import { CommentList, timeFormatter } from '@/components/comments/comment-list'
import { PageHeader } from '@/components/page-title'
import { withBasePath } from '@/lib/base-path.mjs'
import { approvedComments, commentByReceipt, formToken, toPublic } from '@/lib/comments'
import { commentablePost, commentServer } from '@/lib/comments/site'
import { commentPaths } from '@/lib/routes'

// A post's comments, rendered on the server for readers without JavaScript: the post page's
// <noscript> link leads here, its form posts to the API, and the API redirects back here.
export const dynamic = 'force-dynamic'

// Spelled out: route types cover the routes of whichever build ran last, and a static export has no such page.
interface Props {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { db, site } = await commentServer()
  const found = await commentablePost(db, site, (await params).slug)
  // The comments belong to the post: search engines should find them there, not here.
  return { title: found ? `Comments on ${found.post.title}` : 'Comments', robots: { index: false, follow: true } }
}

export default async function CommentsPage({ params, searchParams }: Props) {
  const { db, secret, site } = await commentServer()
  const found = await commentablePost(db, site, (await params).slug)
  if (!found) notFound()
  const { post, open } = found
  const query = await searchParams
  const one = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined)
  const comments = (await approvedComments(db, post.slug)).map(toPublic)
  // The reader's own comment while it waits: found by the signed receipt in the redirect, no cookie.
  const mine = await commentByReceipt(db, secret, one('receipt'))
  if (mine && mine.post === post.slug && mine.status === 'pending') comments.push(toPublic(mine))
  const replyTo = comments.find((c) => c.id === Number(one('reply')) && c.status === 'approved')
  const token = formToken(secret)

  return (
    <div className="mx-auto w-full max-w-page">
      <PageHeader
        label={
          <Link href={post.url} className="hover:underline">
            ← Back to the post
          </Link>
        }
        title={`Comments on ${post.title}`}
      />
      {one('comment') === 'pending' ? (
        <p role="status" className="mb-6 font-semibold">
          Thank you! Your comment is awaiting moderation.
        </p>
      ) : one('comment') === 'published' ? (
        <p role="status" className="mb-6 font-semibold">
          Thank you! Your comment is published.
        </p>
      ) : null}
      <section id="comments" aria-label="Comments">
        {comments.length ? (
          <CommentList
            comments={comments}
            formatTime={timeFormatter(site.language, site.timeZone)}
            actions={(comment) =>
              open && comment.status === 'approved' ? (
                <p className="mt-2 text-sm">
                  <Link
                    href={`${commentPaths.page(post)}?reply=${comment.id}#reply`}
                    className="font-semibold text-[var(--link)] underline-offset-2 hover:underline"
                  >
                    Reply
                  </Link>
                </p>
              ) : null
            }
          />
        ) : (
          <p className="text-[var(--muted)]">No comments yet.</p>
        )}
      </section>
      {open ? (
        <section id="reply" aria-labelledby="reply-title" className="mt-10 border-t border-[var(--line)] pt-8">
          <h2 id="reply-title" className="text-lg font-semibold">
            {replyTo ? `Reply to ${replyTo.name}` : 'Leave a comment'}
          </h2>
          {replyTo ? (
            <p className="text-sm">
              <Link href={`${commentPaths.page(post)}#reply`} className="text-[var(--link)] underline">
                Write a new comment instead
              </Link>
            </p>
          ) : null}
          <CommentForm action={withBasePath(commentPaths.api)} post={post.slug} token={token} parentId={replyTo?.id} idPrefix="comment" />
        </section>
      ) : (
        <p className="mt-10 text-[var(--muted)]">Comments are closed.</p>
      )}
    </div>
  )
}
