import type { FormEventHandler } from 'react'

import { LIMITS } from '@/lib/comments/rules'

interface Props {
  /** Where the form posts: the comment API of this server or of `comments.endpoint`. */
  action: string
  post: string
  token: string
  parentId?: number
  /** Makes the field ids unique when a page has several forms (replies). */
  idPrefix: string
  onSubmit?: FormEventHandler<HTMLFormElement>
  busy?: boolean
}

const field =
  'mt-1 block w-full rounded-md border border-[var(--line)] bg-[var(--bg)] px-3 py-2 text-[var(--fg)] focus:border-[var(--link)] focus:outline-none'

/** The comment form: a plain form post that works without JavaScript; the island takes it over with fetch. */
export function CommentForm({ action, post, token, parentId, idPrefix, onSubmit, busy }: Props) {
  return (
    <form method="post" action={action} onSubmit={onSubmit} className="mt-4 space-y-4">
      <input type="hidden" name="post" value={post} />
      <input type="hidden" name="token" value={token} />
      {parentId ? <input type="hidden" name="parent" value={parentId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${idPrefix}-name`} className="text-sm font-semibold">
            Name
          </label>
          <input id={`${idPrefix}-name`} name="name" required maxLength={LIMITS.name} autoComplete="name" className={field} />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-website`} className="text-sm font-semibold">
            Website (optional)
          </label>
          <input
            id={`${idPrefix}-website`}
            name="website"
            inputMode="url"
            maxLength={LIMITS.website}
            autoComplete="url"
            className={field}
          />
        </div>
      </div>
      {/* The honeypot: hidden from people and screen readers, filled in by form-filling bots. */}
      <div aria-hidden="true" className="hidden">
        <label htmlFor={`${idPrefix}-homepage`}>Leave this empty</label>
        <input id={`${idPrefix}-homepage`} name="homepage" tabIndex={-1} autoComplete="off" />
      </div>
      <div>
        <label htmlFor={`${idPrefix}-comment`} className="text-sm font-semibold">
          Comment
        </label>
        <textarea
          id={`${idPrefix}-comment`}
          name="comment"
          required
          maxLength={LIMITS.body}
          rows={parentId ? 4 : 6}
          className={field}
          aria-describedby={`${idPrefix}-help`}
        />
        <p id={`${idPrefix}-help`} className="mt-1 text-xs text-[var(--muted)]">
          Markdown: *emphasis*, **bold**, [links](https://…), `code`, lists and &gt; quotes. No images or HTML.
        </p>
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-[var(--link)] px-4 py-2 text-sm font-semibold text-[var(--bg)] disabled:opacity-60"
      >
        Post comment
      </button>
    </form>
  )
}
