// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { CommentList } from '@/components/comments/comment-list'
import { CommentSection } from '@/components/comments/comment-section'
import type { PublicComment } from '@/lib/comments/store'
import type { Post, SiteConfig } from '@/lib/content'

afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
})

const site = {
  title: 'T',
  url: 'https://blog.example',
  language: 'en',
  timeZone: 'UTC',
  comments: { enabled: true, moderation: 'first-time' },
} as unknown as SiteConfig
const post = { slug: 'hello', url: '/posts/hello', unpublished: undefined } as unknown as Post

const comment = (id: number, parentId: number | null, extra: Partial<PublicComment> = {}): PublicComment => ({
  id,
  parentId,
  name: `N${id}`,
  website: null,
  html: `<p>c${id}</p>`,
  createdAt: '2026-03-01T10:00:00.000Z',
  isAuthor: false,
  status: 'approved',
  ...extra,
})

describe('CommentSection', () => {
  it('on a server: the island asks this origin, and a <noscript> link leads to the comments page', async () => {
    const fetch = vi.fn(async () => Response.json({ open: true, token: 't', comments: [] }))
    vi.stubGlobal('fetch', fetch)
    // The static HTML: the <noscript> link, and no form (the island renders after it loads).
    const html = renderToStaticMarkup(<CommentSection post={post} site={site} />)
    expect(html).toMatch(/<noscript><p><a href="\/posts\/hello\/comments"[^>]*>Read the comments and write one<\/a>/)
    expect(html).not.toContain('<form')
    const { container } = render(<CommentSection post={post} site={site} />)
    await screen.findByRole('button', { name: 'Post comment' })
    expect(fetch).toHaveBeenCalledWith('/api/comments?post=hello', expect.anything())
    expect(container.querySelector('form')?.getAttribute('action')).toBe('/api/comments')
  })

  it('in a static export with comments.endpoint: everything points at that server', async () => {
    vi.stubEnv('INKWELL_OUTPUT', 'export')
    const fetch = vi.fn(async () => Response.json({ open: false, token: null, comments: [comment(1, null)] }))
    vi.stubGlobal('fetch', fetch)
    const withEndpoint = { ...site, comments: { ...site.comments, endpoint: 'https://comments.example/' } }
    expect(renderToStaticMarkup(<CommentSection post={post} site={withEndpoint} />)).toContain(
      '<a href="https://comments.example/posts/hello/comments"',
    )
    const { container } = render(<CommentSection post={post} site={withEndpoint} />)
    await screen.findByText('Comments are closed.')
    expect(fetch).toHaveBeenCalledWith('https://comments.example/api/comments?post=hello', expect.anything())
    expect(container.querySelector('form')).toBeNull()
  })

  it('in a static export without an endpoint: no section at all', () => {
    vi.stubEnv('INKWELL_OUTPUT', 'export')
    const { container } = render(<CommentSection post={post} site={site} />)
    expect(container.innerHTML).toBe('')
  })

  it('says so when the comments cannot be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 503 })),
    )
    render(<CommentSection post={post} site={site} />)
    await waitFor(() => expect(screen.getByText(/could not be loaded/)).toBeTruthy())
  })
})

describe('CommentList', () => {
  it('threads replies to replies, oldest first, and badges the author', () => {
    const { container } = render(
      <CommentList
        comments={[
          comment(1, null),
          comment(2, 1),
          comment(3, 2, { isAuthor: true }),
          comment(4, null, { website: 'https://x.example/' }),
          comment(5, 99),
        ]}
        formatTime={(iso) => iso.slice(0, 10)}
      />,
    )
    expect(container.querySelector('li li li #comment-3')).not.toBeNull()
    expect(container.querySelector('#comment-3')?.textContent).toContain('Author')
    // A reply whose parent is not shown stays visible, at the top level.
    expect([...container.querySelectorAll(':scope > ol > li > article')].map((a) => a.id)).toEqual(['comment-1', 'comment-4', 'comment-5'])
    const link = screen.getByRole('link', { name: 'N4' })
    expect(link.getAttribute('rel')).toBe('nofollow ugc')
    expect(container.querySelector('#comment-1 a[href="#comment-1"] time')?.getAttribute('datetime')).toBe('2026-03-01T10:00:00.000Z')
  })
})
