// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { ContentReloader } from '@/components/content-reloader'

// Next's router and the browser's fetch are stood in for; the polling is the component's own.
const router = vi.hoisted(() => ({ refresh: vi.fn() }))
vi.mock('next/navigation', () => ({ useRouter: () => router }))

const fetch = vi.fn<(url: string, init?: RequestInit) => Promise<Response>>()

/** The dev server's answers, one per poll: a content version, or a failure (restarting). */
function versions(...answers: (string | Error)[]) {
  for (const answer of answers) {
    if (answer instanceof Error) fetch.mockRejectedValueOnce(answer)
    else fetch.mockResolvedValueOnce(Response.json({ version: answer }))
  }
}

/** Lets `n` more polls run (300 ms apart). */
const polls = (n: number) => act(() => vi.advanceTimersByTimeAsync(300 * n))

beforeEach(() => {
  vi.useFakeTimers()
  fetch.mockReset()
  router.refresh.mockReset()
  vi.stubGlobal('fetch', fetch)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('ContentReloader', () => {
  it('renders nothing, and asks the dev server for the content version, uncached', async () => {
    versions('a')
    const { container } = render(<ContentReloader />)
    await polls(0)
    expect(container.innerHTML).toBe('')
    expect(fetch).toHaveBeenCalledExactlyOnceWith('/inkwell/content-version', { cache: 'no-store' })
  })

  it('re-renders the page from the server when the version changes, and only then', async () => {
    versions('a', 'a', 'b', 'b', 'c')
    render(<ContentReloader />)
    await polls(0)
    expect(router.refresh).not.toHaveBeenCalled()
    await polls(1)
    expect(router.refresh).not.toHaveBeenCalled()
    await polls(1)
    expect(router.refresh).toHaveBeenCalledOnce()
    await polls(2)
    expect(router.refresh).toHaveBeenCalledTimes(2)
    expect(fetch).toHaveBeenCalledTimes(5)
  })

  it('keeps polling while the dev server restarts, and notices a change made meanwhile', async () => {
    versions('a', new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), 'b')
    render(<ContentReloader />)
    await polls(2)
    expect(router.refresh).not.toHaveBeenCalled()
    await polls(1)
    expect(router.refresh).toHaveBeenCalledOnce()
  })

  it('does not reload on the first answer after a failed first poll', async () => {
    versions(new TypeError('Failed to fetch'), 'a', 'a')
    render(<ContentReloader />)
    await polls(2)
    expect(router.refresh).not.toHaveBeenCalled()
  })

  it('stops polling when it goes away', async () => {
    versions('a', 'b', 'c')
    const { unmount } = render(<ContentReloader />)
    await polls(0)
    unmount()
    await polls(3)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(router.refresh).not.toHaveBeenCalled()
  })

  it('does not refresh on an answer that arrives after it went away', async () => {
    versions('a')
    let answer!: (response: Response) => void
    fetch.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
    const { unmount } = render(<ContentReloader />)
    await polls(1)
    expect(fetch).toHaveBeenCalledTimes(2)
    unmount()
    await act(async () => answer(Response.json({ version: 'b' })))
    await polls(3)
    expect(router.refresh).not.toHaveBeenCalled()
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
