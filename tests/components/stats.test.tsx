// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { Stat, Stats } from '@/components/mdx/stats'

afterEach(cleanup)

describe('Stats and Stat', () => {
  it('renders a description list: label in dt, value in dd, the note in a second dd', () => {
    const { container } = render(
      <Stats>
        <Stat value="185" label="submissions" note="up from 120" />
        <Stat value="42" label="talks" />
      </Stats>,
    )
    const list = container.querySelector('dl.stats')!
    expect(list).toBeTruthy()
    expect(screen.getAllByRole('term').map((dt) => dt.textContent)).toEqual(['submissions', 'talks'])
    expect(screen.getAllByRole('definition').map((dd) => [dd.className, dd.textContent])).toEqual([
      ['stat-value', '185'],
      ['stat-note', 'up from 120'],
      ['stat-value', '42'],
    ])
    // Each dt/dd group sits in a div, the one wrapper a dl may have around them.
    expect([...list.children].map((c) => [c.tagName, [...c.children].map((x) => x.tagName).join(' ')])).toEqual([
      ['DIV', 'DT DD DD'],
      ['DIV', 'DT DD'],
    ])
  })
})
