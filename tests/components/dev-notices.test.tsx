// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import PageError from '@/app/error'
import { ContentReloader } from '@/components/content-reloader'
import { PostWarnings } from '@/components/post-warnings'
import { UnpublishedBadge } from '@/components/unpublished-badge'
import type { Problem } from '@/lib/content'

// What next dev shows an author about their content, and what production never shows.

const refresh = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }))

afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  refresh.mockReset()
})

const warning: Problem = {
  severity: 'warning',
  file: `${process.cwd()}/content/posts/a.mdx`,
  line: 4,
  column: 1,
  message: 'unknown frontmatter field "catgories" (did you mean "categories"?)',
}

describe('PostWarnings', () => {
  it('lists a post’s warnings in next dev, each at its file, line and column, in a labelled region', () => {
    vi.stubEnv('NODE_ENV', 'development')
    render(<PostWarnings post={{ problems: [warning, { ...warning, line: 9, message: 'another' }] }} />)
    const region = screen.getByRole('complementary', { name: /2 warnings about this post/ })
    expect([...region.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'content/posts/a.mdx:4:1 unknown frontmatter field "catgories" (did you mean "categories"?)',
      'content/posts/a.mdx:9:1 another',
    ])
    expect(region.querySelector('li code')?.textContent).toBe('content/posts/a.mdx:4:1')
  })

  it('shows nothing in a production build, nor for a post without warnings', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(render(<PostWarnings post={{ problems: [warning] }} />).container.innerHTML).toBe('')
    vi.stubEnv('NODE_ENV', 'development')
    expect(render(<PostWarnings post={{ problems: [{ ...warning, severity: 'error' }] }} />).container.innerHTML).toBe('')
  })
})

describe('UnpublishedBadge', () => {
  it('says "Error" on a post next dev keeps despite its errors', () => {
    render(<UnpublishedBadge post={{ unpublished: 'broken' }} />)
    expect(screen.getByText('Error').tagName).toBe('SPAN')
  })
})

describe('the error page (app/error.tsx)', () => {
  const error = new Error(
    'content/posts/a.mdx:21:1 Expected a closing tag for `<Admonition>`\ncontent/posts/a.mdx:30:2 unknown component <Nope>',
  )

  it('shows every problem in next dev, as an alert', () => {
    vi.stubEnv('NODE_ENV', 'development')
    render(<PageError error={error} reset={() => {}} />)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('This page has errors')
    expect([...screen.getByRole('alert').querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      'content/posts/a.mdx:21:1',
      'content/posts/a.mdx:30:2',
    ])
  })

  it('shows no message in production', () => {
    vi.stubEnv('NODE_ENV', 'production')
    render(<PageError error={error} reset={() => {}} />)
    expect(document.body.textContent).not.toContain('a.mdx')
  })
})

describe('ContentReloader', () => {
  it('refreshes when the content changes after the version the page was rendered at, and clears the error boundary with it', async () => {
    const versions = ['v1', 'v2', 'v2']
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => ({ json: async () => ({ version: versions.shift() ?? 'v2' }) })),
    )
    const reset = vi.fn()
    // The page was rendered at v0: the very first answer is already a change.
    render(
      <>
        <ContentReloader version="v0" />
        <PageError error={new Error('x.mdx:1:1 broken')} reset={reset} />
      </>,
    )
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(2), { timeout: 3000 })
    expect(reset).toHaveBeenCalledTimes(2)
    await new Promise((r) => setTimeout(r, 700))
    expect(refresh).toHaveBeenCalledTimes(2)
  })
})
