// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { CommentsIsland } from '@/components/comments/comments-island'
import type { PublicComment } from '@/lib/comments/store'

// Only fetch is stubbed: the island, its form and list are the real ones.
type Listing = { open: boolean; token: string | null; comments: PublicComment[] }
const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>()

beforeEach(() => {
  fetch.mockReset()
  vi.stubGlobal('fetch', fetch)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  history.replaceState(null, '', '/')
})

const comment = (id: number, parentId: number | null = null, extra: Partial<PublicComment> = {}): PublicComment => ({
  id,
  parentId,
  name: `N${id}`,
  website: null,
  html: `<p>c${id}</p>`,
  createdAt: '2026-03-01T23:30:00.000Z',
  isAuthor: false,
  status: 'approved',
  ...extra,
})

/** Renders the island for post "hello" once the API has answered with `listing`. */
async function island(listing: Listing, props: Partial<Parameters<typeof CommentsIsland>[0]> = {}) {
  fetch.mockResolvedValueOnce(Response.json(listing))
  await act(async () => {
    render(<CommentsIsland post="hello" endpoint="" language="en-GB" timeZone="Europe/Amsterdam" {...props} />)
  })
}

const article = (id: number) => screen.getByRole('article', { name: `Comment by N${id}` })
const replyButton = (id: number) => within(article(id)).queryByRole('button', { name: 'Reply' })

async function fillAndSend(scope: HTMLElement, name: string, text: string) {
  const form = within(scope)
  fireEvent.change(form.getByRole('textbox', { name: 'Name' }), { target: { value: name } })
  fireEvent.change(form.getByRole('textbox', { name: 'Comment' }), { target: { value: text } })
  await act(async () => {
    fireEvent.click(form.getByRole('button', { name: 'Post comment' }))
  })
}

describe('CommentsIsland', () => {
  it('says it is loading until the API answers, then asks for the post’s comments', async () => {
    fetch.mockReturnValueOnce(new Promise(() => {}))
    render(<CommentsIsland post="日本語" endpoint="https://comments.example" language="en" timeZone="UTC" />)
    expect(screen.getByText('Loading comments…')).toBeTruthy()
    expect(fetch).toHaveBeenCalledWith('https://comments.example/api/comments?post=%E6%97%A5%E6%9C%AC%E8%AA%9E', {
      headers: { accept: 'application/json' },
    })
  })

  it('with no comments yet and comments open: invites the first one', async () => {
    await island({ open: true, token: 't', comments: [] })
    expect(screen.getByText('No comments yet.')).toBeTruthy()
    expect(screen.getByRole('heading', { level: 3, name: 'Leave a comment' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Post comment' })).toBeTruthy()
  })

  it('with comments closed: shows them, offers no form and no Reply', async () => {
    await island({ open: false, token: null, comments: [comment(1)] })
    expect(replyButton(1)).toBeNull()
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(screen.getByText('Comments are closed.')).toBeTruthy()
  })

  it('dates comments in the site language and time zone', async () => {
    await island({ open: false, token: null, comments: [comment(1)] })
    expect(article(1).querySelector('time')?.textContent).toBe('2 Mar 2026, 00:30')
  })

  it('opens a reply form under a comment, one at a time, with aria-expanded saying which', async () => {
    await island({ open: true, token: 't', comments: [comment(1), comment(2)] })
    expect(replyButton(1)!.getAttribute('aria-expanded')).toBe('false')
    fireEvent.click(replyButton(1)!)
    expect(replyButton(1)!.getAttribute('aria-expanded')).toBe('true')
    const replyForm = article(1).querySelector('form')!
    expect(new FormData(replyForm).get('parent')).toBe('1')
    fireEvent.click(replyButton(2)!)
    expect(article(1).querySelector('form')).toBeNull()
    expect(replyButton(1)!.getAttribute('aria-expanded')).toBe('false')
    expect(new FormData(article(2).querySelector('form')!).get('parent')).toBe('2')
    fireEvent.click(replyButton(2)!)
    expect(article(2).querySelector('form')).toBeNull()
    // The form for a new thread stays where it is, and only it remains.
    expect(screen.getAllByRole('button', { name: 'Post comment' })).toHaveLength(1)
  })

  it('offers no Reply on the reader’s own comment that awaits moderation', async () => {
    await island({ open: true, token: 't', comments: [comment(1), comment(2, null, { status: 'pending' })] })
    expect(replyButton(1)).not.toBeNull()
    expect(replyButton(2)).toBeNull()
    expect(within(article(2)).getByText('Awaiting moderation')).toBeTruthy()
  })

  it('posts with fetch, adds the published comment and thanks the reader in the status line', async () => {
    await island({ open: true, token: 't', comments: [] })
    fetch.mockResolvedValueOnce(Response.json({ comment: comment(7, null, { name: 'Ada' }) }, { status: 201 }))
    await fillAndSend(document.body, 'Ada', 'Hello')
    const [url, init] = fetch.mock.calls[1]!
    expect([url, init?.method]).toEqual(['/api/comments', 'POST'])
    expect([...(init?.body as FormData).entries()]).toContainEqual(['comment', 'Hello'])
    expect(screen.getByRole('article', { name: 'Comment by Ada' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Thank you! Your comment is published.')
    expect((screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('')
  })

  it('says a comment that waits for moderation is waiting, and closes the reply form it came from', async () => {
    await island({ open: true, token: 't', comments: [comment(1)] })
    fireEvent.click(replyButton(1)!)
    fetch.mockResolvedValueOnce(Response.json({ comment: comment(8, 1, { name: 'Ada', status: 'pending' }) }, { status: 202 }))
    await fillAndSend(article(1), 'Ada', 'A reply')
    expect(article(1).querySelector('form')).toBeNull()
    expect(replyButton(1)!.getAttribute('aria-expanded')).toBe('false')
    expect(within(screen.getByRole('article', { name: 'Comment by Ada' })).getByText('Awaiting moderation')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Thank you! Your comment is awaiting moderation.')
  })

  it('shows the server’s reason in an alert and keeps what the reader wrote', async () => {
    await island({ open: true, token: 't', comments: [] })
    fetch.mockResolvedValueOnce(Response.json({ error: 'A comment may have at most 3 links.' }, { status: 400 }))
    await fillAndSend(document.body, 'Ada', 'Many links')
    expect(screen.getByRole('alert').textContent).toBe('A comment may have at most 3 links.')
    expect((screen.getByRole('textbox', { name: 'Comment' }) as HTMLTextAreaElement).value).toBe('Many links')
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('says the comment was not posted when a proxy answers with an HTML error page', async () => {
    await island({ open: true, token: 't', comments: [] })
    fetch.mockResolvedValueOnce(
      new Response('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'content-type': 'text/html' } }),
    )
    await fillAndSend(document.body, 'Ada', 'Hello')
    expect(screen.getByRole('alert').textContent).toBe('The comment was not posted (HTTP 502).')
  })

  it('says so when the network fails', async () => {
    await island({ open: true, token: 't', comments: [] })
    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await fillAndSend(document.body, 'Ada', 'Hello')
    expect(screen.getByRole('alert').textContent).toBe('Failed to fetch')
  })

  it('cannot be sent twice while a post is on its way', async () => {
    await island({ open: true, token: 't', comments: [] })
    let answer!: (response: Response) => void
    fetch.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    await fillAndSend(document.body, 'Ada', 'Hello')
    const button = screen.getByRole('button', { name: 'Post comment' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    await act(async () => answer(Response.json({ comment: comment(9) }, { status: 201 })))
    expect(button.disabled).toBe(false)
  })

  it('scrolls to the comment a #comment-N link points at once the comments are there', async () => {
    const scrolled: string[] = []
    Element.prototype.scrollIntoView ??= () => {}
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolled.push(this.id)
    })
    history.replaceState(null, '', '/posts/hello#comment-2')
    await island({ open: false, token: null, comments: [comment(1), comment(2)] })
    expect(scrolled).toEqual(['comment-2'])
  })
})
