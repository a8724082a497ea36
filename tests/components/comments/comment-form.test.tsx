// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { CommentForm } from '@/components/comments/comment-form'
import { LIMITS } from '@/lib/comments/rules'

afterEach(cleanup)

const form = () => screen.getByRole('button', { name: 'Post comment' }).closest('form')!

describe('CommentForm', () => {
  it('is a plain form post to the comment API, which works without JavaScript', () => {
    render(<CommentForm action="https://comments.example/api/comments" post="hello" token="t0k" idPrefix="comment" />)
    expect([form().method, form().getAttribute('action')]).toEqual(['post', 'https://comments.example/api/comments'])
    expect((screen.getByRole('button', { name: 'Post comment' }) as HTMLButtonElement).type).toBe('submit')
  })

  it('sends the post, the form token, name, website, comment and the (empty) honeypot, and no parent on a new thread', () => {
    render(<CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ada' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Comment' }), { target: { value: 'Nice.' } })
    expect([...new FormData(form()).entries()]).toEqual([
      ['post', 'hello'],
      ['token', 't0k'],
      ['name', 'Ada'],
      ['website', ''],
      ['homepage', ''],
      ['comment', 'Nice.'],
    ])
  })

  it('on a reply, sends the parent too and has a shorter box', () => {
    render(<CommentForm action="/api/comments" post="hello" token="t0k" parentId={12} idPrefix="reply-12" />)
    expect(new FormData(form()).get('parent')).toBe('12')
    expect((screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).rows).toBe(4)
  })

  it('labels every field, requires name and comment, and holds them to the server’s limits', () => {
    render(<CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" />)
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement
    const website = screen.getByRole('textbox', { name: 'Website (optional)' }) as HTMLInputElement
    const comment = screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement
    expect([name.required, name.maxLength, name.autocomplete]).toEqual([true, LIMITS.name, 'name'])
    expect([website.required, website.maxLength, website.inputMode, website.autocomplete]).toEqual([false, LIMITS.website, 'url', 'url'])
    expect([comment.required, comment.maxLength, comment.rows]).toEqual([true, LIMITS.body, 6])
    expect(screen.getByRole('textbox', { name: 'Comment', description: /^Markdown: \*emphasis\*/ })).toBe(comment)
  })

  it('hides the honeypot from people, screen readers and the Tab key', () => {
    const { container } = render(<CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" />)
    expect(screen.queryByRole('textbox', { name: 'Leave this empty' })).toBeNull()
    const trap = container.querySelector<HTMLInputElement>('input[name="homepage"]')!
    expect(trap.tabIndex).toBe(-1)
    expect(trap.closest('[aria-hidden="true"]')?.className).toBe('hidden')
    expect(trap.autocomplete).toBe('off')
  })

  it('gives each form on a page fields of its own', () => {
    render(
      <>
        <section aria-label="New">
          <CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" />
        </section>
        <section aria-label="Reply">
          <CommentForm action="/api/comments" post="hello" token="t0k" parentId={3} idPrefix="reply-3" />
        </section>
      </>,
    )
    const ids = [...document.querySelectorAll('[id]')].map((el) => el.id)
    expect(new Set(ids).size).toBe(ids.length)
    const reply = within(screen.getByRole('region', { name: 'Reply' }))
    expect(reply.getByRole('textbox', { name: 'Name' }).id).toBe('reply-3-name')
    expect(reply.getByRole('textbox', { name: 'Comment' }).getAttribute('aria-describedby')).toBe('reply-3-help')
  })

  it('hands the submit to onSubmit, and cannot be sent twice while busy', () => {
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault())
    const { rerender } = render(<CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" onSubmit={onSubmit} />)
    fireEvent.submit(form())
    expect(onSubmit).toHaveBeenCalledOnce()
    rerender(<CommentForm action="/api/comments" post="hello" token="t0k" idPrefix="comment" onSubmit={onSubmit} busy />)
    expect((screen.getByRole('button', { name: 'Post comment' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
