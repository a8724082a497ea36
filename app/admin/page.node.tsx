import type { Metadata } from 'next'
import Link from 'next/link'

import { timeFormatter } from '@/components/comments/comment-list'
import { PageHeader, PageTitle } from '@/components/page-title'
import { withBasePath } from '@/lib/base-path.mjs'
import { adminPassword, allComments, commentCounts, LOGIN_LIMIT, pendingComments, renderComment, type CommentRow } from '@/lib/comments'
import { commentServer, postsWithState } from '@/lib/comments/site'
import { adminPaths, commentPaths } from '@/lib/routes'
import { login, logout, moderate, reply, setOpen } from './actions'
import { isAdmin } from './auth'

// Moderation: dynamic, behind a password, never indexed (noindex; the sitemap and the search
// index only ever list posts and static pages).
export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Comments admin', robots: { index: false, follow: false } }

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const button = 'rounded-md border border-[var(--line)] px-3 py-1 text-sm font-semibold hover:border-[var(--link)]'
const field = 'mt-1 block w-full rounded-md border border-[var(--line)] bg-[var(--bg)] px-3 py-2 text-[var(--fg)]'

const LOGIN_MESSAGES: Record<string, string> = {
  failed: 'That password is not right.',
  required: 'Log in first.',
  refused: 'The login did not come from this site.',
}

const lockedMessage = (minutes: string) => `Too many failed logins. Try again in ${minutes} minute${minutes === '1' ? '' : 's'}.`

export default async function AdminPage({ searchParams }: Props) {
  const query = await searchParams
  const one = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined)
  if (!adminPassword()) return <NotConfigured />
  const { db, secret, site } = await commentServer()
  if (!(await isAdmin(secret))) {
    const problem =
      one('login') === 'locked'
        ? lockedMessage(one('minutes') ?? String(Math.round(LOGIN_LIMIT.windowMs / 60_000)))
        : LOGIN_MESSAGES[one('login') ?? '']
    return <Login problem={problem} />
  }
  const format = timeFormatter(site.language, site.timeZone)
  const posts = await postsWithState(db)
  const selected = posts.find((p) => p.post.slug === one('post'))

  return (
    <div className="mx-auto w-full max-w-page">
      <div className="mb-8 flex items-center justify-between gap-4">
        <PageTitle>Comments</PageTitle>
        <form action={logout}>
          <button type="submit" className={button}>
            Log out
          </button>
        </form>
      </div>
      {selected ? (
        <PostComments
          slug={selected.post.slug}
          title={selected.post.title}
          url={selected.post.url}
          open={selected.open}
          comments={await allComments(db, selected.post.slug)}
          format={format}
        />
      ) : (
        <>
          <Queue comments={await pendingComments(db)} titles={new Map(posts.map((p) => [p.post.slug, p.post.title]))} format={format} />
          <Posts posts={posts} counts={await commentCounts(db)} />
        </>
      )}
    </div>
  )
}

function NotConfigured() {
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Comments admin" />
      <div className="prose prose-ink max-w-none">
        <p>The admin area is closed: no password is set. Start the server with one of these, then reload:</p>
        <pre>
          <code>
            {
              'INKWELL_ADMIN_PASSWORD=… npm start\n# or, keeping only a hash in the environment:\nINKWELL_ADMIN_PASSWORD_HASH="$(npm run -s comments -- hash-password)" npm start'
            }
          </code>
        </pre>
      </div>
    </div>
  )
}

function Login({ problem }: { problem?: string }) {
  return (
    <div className="mx-auto w-full max-w-[24rem]">
      <PageTitle className="mb-6">Log in</PageTitle>
      {problem ? (
        <p role="alert" className="mb-4 rounded-md border border-red-600 px-3 py-2">
          {problem}
        </p>
      ) : null}
      <form action={login} className="space-y-4">
        <div>
          <label htmlFor="password" className="text-sm font-semibold">
            Password
          </label>
          <input id="password" name="password" type="password" required autoComplete="current-password" className={field} />
        </div>
        <button type="submit" className={button}>
          Log in
        </button>
      </form>
    </div>
  )
}

/** One comment with its moderation buttons. */
function AdminComment({
  comment,
  format,
  post,
  context,
}: {
  comment: CommentRow
  format: (iso: string) => string
  post?: string
  context?: string
}) {
  const actions = [
    ...(comment.status !== 'approved' ? [['approve', 'Approve']] : []),
    ...(comment.status !== 'spam' ? [['spam', 'Spam']] : []),
    ['delete', 'Delete'],
  ]
  return (
    <article
      id={`admin-comment-${comment.id}`}
      aria-label={`Comment by ${comment.name}`}
      className="rounded-lg border border-[var(--line)] p-4"
    >
      <header className="flex flex-wrap gap-x-3 text-sm">
        <strong>{comment.name}</strong>
        {comment.website ? <span className="text-[var(--muted)]">{comment.website}</span> : null}
        <time dateTime={comment.createdAt.toISOString()} className="text-[var(--muted)]">
          {format(comment.createdAt.toISOString())}
        </time>
        <span className="text-[var(--muted)]">{comment.isAuthor ? 'author' : comment.status}</span>
        {context ? <span>on {context}</span> : null}
      </header>
      <div className="prose prose-ink prose-sm mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: renderComment(comment.body) }} />
      <div className="mt-3 flex flex-wrap gap-2">
        {actions.map(([action, label]) => (
          <form key={action} action={moderate}>
            <input type="hidden" name="id" value={comment.id} />
            <input type="hidden" name="action" value={action} />
            {post ? <input type="hidden" name="post" value={post} /> : null}
            <button type="submit" className={button} aria-label={`${label} the comment by ${comment.name}`}>
              {label}
            </button>
          </form>
        ))}
      </div>
    </article>
  )
}

function Queue({ comments, titles, format }: { comments: CommentRow[]; titles: Map<string, string>; format: (iso: string) => string }) {
  return (
    <section aria-labelledby="queue-title" className="mb-12">
      <h2 id="queue-title" className="mb-4 text-xl font-semibold">
        Waiting for moderation ({comments.length})
      </h2>
      {comments.length ? (
        <div className="space-y-4">
          {comments.map((comment) => (
            <AdminComment key={comment.id} comment={comment} format={format} context={titles.get(comment.post) ?? comment.post} />
          ))}
        </div>
      ) : (
        <p className="text-[var(--muted)]">Nothing is waiting.</p>
      )}
    </section>
  )
}

function Posts({
  posts,
  counts,
}: {
  posts: Awaited<ReturnType<typeof postsWithState>>
  counts: Awaited<ReturnType<typeof commentCounts>>
}) {
  return (
    <section aria-labelledby="posts-title">
      <h2 id="posts-title" className="mb-4 text-xl font-semibold">
        Posts
      </h2>
      <ul className="divide-y divide-[var(--line)]">
        {posts.map(({ post, open }) => {
          const count = counts.get(post.slug)
          return (
            <li key={post.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <Link href={adminPaths.post(post.slug)} className="text-[var(--link)] underline">
                {post.title}
              </Link>
              <span className="text-sm text-[var(--muted)]">
                {count?.approved ?? 0} published, {count?.pending ?? 0} waiting · {open ? 'open' : 'closed'}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function PostComments(props: {
  slug: string
  title: string
  url: string
  open: boolean
  comments: CommentRow[]
  format: (iso: string) => string
}) {
  const { slug, title, url, open, comments, format } = props
  return (
    <section aria-labelledby="post-title">
      <p className="mb-2 text-sm">
        <Link href="/admin" className="text-[var(--link)] underline">
          ← All posts
        </Link>
      </p>
      <h2 id="post-title" className="mb-2 text-xl font-semibold">
        {title}
      </h2>
      <div className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        <span>Comments are {open ? 'open' : 'closed'}.</span>
        <form action={setOpen}>
          <input type="hidden" name="post" value={slug} />
          <input type="hidden" name="open" value={String(!open)} />
          <button type="submit" className={button}>
            {open ? 'Close comments' : 'Open comments'}
          </button>
        </form>
        <Link href={`${url}#comments`} className="text-[var(--link)] underline">
          View the post
        </Link>
        <a href={withBasePath(commentPaths.postFeed({ url }))} className="text-[var(--link)] underline">
          Comment feed
        </a>
      </div>
      <div className="space-y-4">
        {comments.map((comment) => (
          <div key={comment.id}>
            <AdminComment comment={comment} format={format} post={slug} />
            {comment.status === 'approved' ? <AuthorReply slug={slug} parent={comment} /> : null}
          </div>
        ))}
      </div>
      <div className="mt-8">
        <AuthorReply slug={slug} />
      </div>
    </section>
  )
}

function AuthorReply({ slug, parent }: { slug: string; parent?: CommentRow }) {
  const id = parent ? `reply-${parent.id}` : 'new-comment'
  return (
    <details className="mt-2 text-sm" open={!parent}>
      <summary className="cursor-pointer font-semibold">{parent ? `Reply to ${parent.name}` : 'Write a comment as the author'}</summary>
      <form action={reply} className="mt-2 space-y-2">
        <input type="hidden" name="post" value={slug} />
        {parent ? <input type="hidden" name="parent" value={parent.id} /> : null}
        <label htmlFor={id} className="font-semibold">
          {parent ? 'Your reply' : 'Your comment'}
        </label>
        <textarea id={id} name="body" required rows={3} className={field} />
        <button type="submit" className={button}>
          Publish as the author
        </button>
      </form>
    </details>
  )
}
