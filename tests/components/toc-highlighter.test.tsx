// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { TableOfContents } from '@/components/table-of-contents'
import { TocHighlighter } from '@/components/toc-highlighter'
import type { TocHeading } from '@/lib/content'

// jsdom does no layout: each heading's distance from the top of the window is set here, the page
// is 5000px tall in a 768px window, and animation frames run when the test says so.
const tops: Record<string, number> = {}
let frames: FrameRequestCallback[] = []

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return { top: tops[this.id] ?? 0 } as DOMRect
  })
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: 5000, configurable: true })
  window.innerHeight = 768
  window.scrollY = 0
  frames = []
  vi.stubGlobal(
    'requestAnimationFrame',
    vi.fn((callback: FrameRequestCallback) => frames.push(callback)),
  )
  vi.stubGlobal('cancelAnimationFrame', vi.fn())
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  Reflect.deleteProperty(document.documentElement, 'scrollHeight')
})

const headings: TocHeading[] = [
  { depth: 2, text: 'Setup', id: 'setup' },
  { depth: 2, text: 'Method', id: 'method' },
  { depth: 2, text: 'Results', id: 'results' },
]

function Page() {
  return (
    <>
      <TableOfContents headings={headings} variant="inline" />
      <article>
        {headings.map((h) => (
          <h2 key={h.id} id={h.id}>
            {h.text}
          </h2>
        ))}
      </article>
      <TableOfContents headings={headings} variant="sidebar" />
    </>
  )
}

/** The section each table of contents marks as current (inline, sidebar). */
const current = () =>
  screen.getAllByRole('navigation', { hidden: true }).map((nav) => nav.querySelector('a[aria-current="location"]')?.textContent ?? null)

function scrollTo(y: number, layout: Record<string, number>) {
  window.scrollY = y
  Object.assign(tops, layout)
  fireEvent.scroll(window)
}

const runFrames = () =>
  act(() => {
    const pending = frames
    frames = []
    for (const frame of pending) frame(performance.now())
  })

describe('TocHighlighter', () => {
  it('marks the last heading above the top third of the window, in both tables of contents', () => {
    Object.assign(tops, { setup: -300, method: 120, results: 900 })
    render(<Page />)
    expect(current()).toEqual(['Method', 'Method'])
  })

  it('marks nothing above the first heading', () => {
    Object.assign(tops, { setup: 400, method: 1200, results: 2000 })
    render(<Page />)
    expect(current()).toEqual([null, null])
  })

  it('moves the mark as the reader scrolls, once per animation frame', () => {
    Object.assign(tops, { setup: 100, method: 700, results: 1500 })
    render(<Page />)
    expect(current()).toEqual(['Setup', 'Setup'])
    scrollTo(600, { setup: -500, method: 100, results: 900 })
    fireEvent.scroll(window)
    fireEvent.scroll(window)
    expect(frames).toHaveLength(1)
    expect(current()).toEqual(['Setup', 'Setup'])
    runFrames()
    expect(current()).toEqual(['Method', 'Method'])
    // The link left behind is no longer marked.
    expect(screen.getAllByRole('link', { name: 'Setup', hidden: true }).map((a) => a.hasAttribute('aria-current'))).toEqual([false, false])
  })

  it('at the very end of the page, marks the last heading on screen even below the top third', () => {
    Object.assign(tops, { setup: -3000, method: 100, results: 600 })
    render(<Page />)
    expect(current()).toEqual(['Method', 'Method'])
    scrollTo(5000 - 768, { method: 80, results: 580 })
    runFrames()
    expect(current()).toEqual(['Results', 'Results'])
  })

  it('follows a resize too', () => {
    Object.assign(tops, { setup: 100, method: 300, results: 900 })
    render(<Page />)
    expect(current()).toEqual(['Setup', 'Setup'])
    window.innerHeight = 1200
    fireEvent(window, new Event('resize'))
    runFrames()
    expect(current()).toEqual(['Method', 'Method'])
  })

  it('stops listening when it goes away, and cancels a pending frame', () => {
    Object.assign(tops, { setup: 100, method: 700, results: 1500 })
    const { unmount } = render(<Page />)
    fireEvent.scroll(window)
    expect(frames).toHaveLength(1)
    unmount()
    expect(cancelAnimationFrame).toHaveBeenCalledWith(1)
    fireEvent.scroll(window)
    expect(frames).toHaveLength(1)
  })

  it('skips ids with no heading on the page', () => {
    Object.assign(tops, { setup: -100, method: 100 })
    render(
      <>
        <nav data-toc>
          <a href="#setup">Setup</a>
          <a href="#gone">Gone</a>
        </nav>
        <h2 id="setup">Setup</h2>
        <TocHighlighter ids={['setup', 'gone']} />
      </>,
    )
    expect(screen.getByRole('link', { name: 'Setup' }).getAttribute('aria-current')).toBe('location')
    expect(screen.getByRole('link', { name: 'Gone' }).hasAttribute('aria-current')).toBe(false)
  })
})
