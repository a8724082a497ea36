// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { FeedStat, FeedStats } from '@/components/feed/stats'

afterEach(cleanup)

describe('FeedStats', () => {
  it('reads value then label, with the note after, as the page shows them', () => {
    const { container } = render(
      <FeedStats>
        <FeedStat value="185" label="submissions" note="up from 120" />
        <FeedStat value="2" label="days" />
      </FeedStats>,
    )
    expect([...container.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['185 submissions (up from 120)', '2 days'])
    expect(container.querySelector('strong')?.textContent).toBe('185')
  })
})
