// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { PostMeta } from '@/components/post-meta'
import { testPost, testSite } from './helpers'

afterEach(cleanup)

const times = (container: HTMLElement) => [...container.querySelectorAll('time')].map((t) => [t.dateTime, t.textContent])

describe('PostMeta', () => {
  it('shows the date in the site language and the reading time, with the exact instant in datetime', () => {
    const { container } = render(<PostMeta post={testPost('a', { readingMinutes: 7 })} site={testSite()} />)
    expect(times(container)).toEqual([['2025-03-10T09:00:00.000Z', 'March 10, 2025']])
    expect(container.textContent).toBe('March 10, 2025·7 min read')
    expect(container.textContent).not.toContain('Updated')
    expect(container.textContent).not.toContain('Ada Lovelace')
  })

  it('dates a post by the calendar day in the site time zone, not in UTC', () => {
    const post = testPost('a', { date: new Date('2025-03-10T23:30:00Z') })
    const { container } = render(<PostMeta post={post} site={testSite({ language: 'en-GB', timeZone: 'Europe/Amsterdam' })} />)
    expect(times(container)).toEqual([['2025-03-10T23:30:00.000Z', '11 March 2025']])
  })

  it('adds the updated date when there is one', () => {
    const post = testPost('a', { updated: new Date('2025-04-02T12:00:00Z') })
    const { container } = render(<PostMeta post={post} site={testSite()} />)
    expect(times(container)).toEqual([
      ['2025-03-10T09:00:00.000Z', 'March 10, 2025'],
      ['2025-04-02T12:00:00.000Z', 'April 2, 2025'],
    ])
    expect(container.textContent).toContain('Updated April 2, 2025')
  })

  it('leads with the author when asked, and hides the separators from screen readers', () => {
    const { container } = render(<PostMeta post={testPost('a')} site={testSite()} showAuthor />)
    expect(container.textContent).toBe('Ada Lovelace·March 10, 2025·4 min read')
    for (const dot of [...container.querySelectorAll('span')].filter((s) => s.textContent === '·')) {
      expect(dot.getAttribute('aria-hidden')).toBe('true')
    }
  })
})
