// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { SeriesBox } from '@/components/series-box'
import type { Post } from '@/lib/content'

afterEach(cleanup)

type Info = NonNullable<Post['seriesInfo']>

const parts = ['Day one', 'Day two', 'Day three'].map((title, i) => ({ slug: `day-${i + 1}`, title, url: `/posts/day-${i + 1}` }))
const info = (part: number, of = parts): Info => ({ name: 'Velocity Berlin', slug: 'velocity-berlin', part, total: of.length, parts: of })

describe('SeriesBox', () => {
  it('says which part this is and links the series page', () => {
    render(<SeriesBox info={info(2)} />)
    const box = screen.getByRole('complementary', { name: 'Series' })
    expect(box.querySelector('p')?.textContent).toBe('Part 2 of 3 of the series Velocity Berlin')
    expect(within(box).getByRole('link', { name: 'Velocity Berlin' }).getAttribute('href')).toBe('/series/velocity-berlin')
  })

  it('lists every part in order, the current one marked and not a link', () => {
    render(<SeriesBox info={info(2)} />)
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items.map((li) => li.textContent)).toEqual(['Day one', 'Day two', 'Day three'])
    const current = within(items[1]!).getByText('Day two')
    expect(current.getAttribute('aria-current')).toBe('page')
    expect(within(items[1]!).queryByRole('link')).toBeNull()
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('/posts/day-1')
    expect(within(items[2]!).getByRole('link').getAttribute('href')).toBe('/posts/day-3')
  })

  const stepLinks = () =>
    screen
      .getAllByRole('link')
      .filter((a) => /Part \d/.test(a.textContent ?? ''))
      .map((a) => [a.textContent, a.getAttribute('href')])

  it('links the parts either side', () => {
    render(<SeriesBox info={info(2)} />)
    expect(stepLinks()).toEqual([
      ['← Part 1', '/posts/day-1'],
      ['Part 3 →', '/posts/day-3'],
    ])
  })

  it('has no previous part on the first and no next part on the last', () => {
    const { unmount } = render(<SeriesBox info={info(1)} />)
    expect(stepLinks()).toEqual([['Part 2 →', '/posts/day-2']])
    unmount()
    render(<SeriesBox info={info(3)} />)
    expect(stepLinks()).toEqual([['← Part 2', '/posts/day-2']])
  })

  it('has no step links in a series of one', () => {
    const { container } = render(<SeriesBox info={info(1, parts.slice(0, 1))} />)
    expect(container.querySelector('p')?.textContent).toBe('Part 1 of 1 of the series Velocity Berlin')
    expect(screen.getAllByRole('link').map((a) => a.textContent)).toEqual(['Velocity Berlin'])
    expect(container.querySelectorAll('aside > p')).toHaveLength(1)
  })
})
