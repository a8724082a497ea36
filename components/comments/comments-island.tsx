'use client'

import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react'

import type { PublicComment } from '@/lib/comments/store'
import { commentPaths } from '@/lib/routes'
import { CommentForm } from './comment-form'
import { CommentList, timeFormatter } from './comment-list'

interface Props {
  post: string
  /** The server with the comment API: '' for this one, else `comments.endpoint` (a static export). */
  endpoint: string
  language: string
  timeZone: string
}

const noSubscription = () => () => {}

type State = { phase: 'loading' } | { phase: 'failed' } | { phase: 'ready'; open: boolean; token: string | null; comments: PublicComment[] }

/**
 * The comment section of a static post page: fetches the approved comments and a form token from the
 * API, and posts with fetch, so the page itself stays prerendered and needs no reload.
 */
export function CommentsIsland({ post, endpoint, language, timeZone }: Props) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  const [state, setState] = useState<State>({ phase: 'loading' })
  const [replyTo, setReplyTo] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const api = `${endpoint}${commentPaths.api}`
  const formatTime = timeFormatter(language, timeZone)

  useEffect(() => {
    let live = true
    fetch(`${api}?post=${encodeURIComponent(post)}`, { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((data: { open: boolean; token: string | null; comments: PublicComment[] }) => live && setState({ phase: 'ready', ...data }))
      .catch(() => live && setState({ phase: 'failed' }))
    return () => {
      live = false
    }
  }, [api, post])

  // A link to #comment-12 arrives before the comments do: scroll once they are there.
  useEffect(() => {
    if (state.phase === 'ready' && location.hash.startsWith('#comment-')) document.getElementById(location.hash.slice(1))?.scrollIntoView()
  }, [state.phase])

  // Rendered into the static page as nothing: a reader without JavaScript sees the <noscript> link instead.
  if (!hydrated) return null
  if (state.phase === 'loading') return <p className="text-[var(--muted)]">Loading comments…</p>
  if (state.phase === 'failed') {
    return <p className="text-[var(--muted)]">The comments could not be loaded just now. Reload the page to try again.</p>
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    setBusy(true)
    setNotice(null)
    try {
      const response = await fetch(api, { method: 'POST', body: new FormData(form), headers: { accept: 'application/json' } })
      // A proxy's error page (502, 413) is not JSON: then the status says what went wrong.
      const data = (await response.json().catch(() => ({}))) as { comment?: PublicComment; error?: string }
      if (!response.ok || !data.comment) throw new Error(data.error ?? `The comment was not posted (HTTP ${response.status}).`)
      const comment = data.comment
      setState((s) => (s.phase === 'ready' ? { ...s, comments: [...s.comments, comment] } : s))
      setReplyTo(null)
      form.reset()
      setNotice({
        kind: 'ok',
        text: comment.status === 'pending' ? 'Thank you! Your comment is awaiting moderation.' : 'Thank you! Your comment is published.',
      })
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  if (state.phase !== 'ready') return null
  const { open, token, comments } = state
  const form = (parentId?: number) =>
    token ? (
      <CommentForm
        action={api}
        post={post}
        token={token}
        parentId={parentId}
        idPrefix={parentId ? `reply-${parentId}` : 'comment'}
        onSubmit={submit}
        busy={busy}
      />
    ) : null

  return (
    <>
      {comments.length ? (
        <CommentList
          comments={comments}
          formatTime={formatTime}
          actions={(comment) =>
            open && comment.status === 'approved' ? (
              <div className="mt-2">
                <button
                  type="button"
                  aria-expanded={replyTo === comment.id}
                  onClick={() => setReplyTo(replyTo === comment.id ? null : comment.id)}
                  className="text-sm font-semibold text-[var(--link)] underline-offset-2 hover:underline"
                >
                  Reply
                </button>
                {replyTo === comment.id ? form(comment.id) : null}
              </div>
            ) : null
          }
        />
      ) : (
        <p className="text-[var(--muted)]">{open ? 'No comments yet.' : 'No comments.'}</p>
      )}
      <p role="status" className={notice?.kind === 'ok' ? 'mt-6 font-semibold' : 'sr-only'}>
        {notice?.kind === 'ok' ? notice.text : ''}
      </p>
      {notice?.kind === 'error' ? (
        <p role="alert" className="mt-6 rounded-md border border-red-600 px-3 py-2">
          {notice.text}
        </p>
      ) : null}
      {open ? (
        <div className="mt-8">
          <h3 className="text-lg font-semibold">Leave a comment</h3>
          {form()}
        </div>
      ) : (
        <p className="mt-6 text-[var(--muted)]">Comments are closed.</p>
      )}
    </>
  )
}
