import { describe, expect, it } from 'vitest'

import { medianScores, type Scores } from '@/bench/pages'
import { webTables, type Results } from '@/bench/report'

const run = (performance: number, lcpMs: number, tbtMs: number): Scores => ({
  performance,
  accessibility: 100,
  bestPractices: 96,
  seo: 100,
  lcpMs,
  tbtMs,
})

describe('Lighthouse runs', () => {
  it('takes the middle value of each score separately', () => {
    const median = medianScores([run(99, 2100, 40), run(78, 1900, 563), run(97, 2500, 120)])
    expect(median).toEqual({ performance: 97, accessibility: 100, bestPractices: 96, seo: 100, lcpMs: 2100, tbtMs: 120 })
  })

  it('averages the two middle values of an even count', () => {
    expect(medianScores([run(90, 1000, 10), run(95, 2001, 20)]).lcpMs).toBe(1501)
  })

  it('prints the median with every run, and a single older run as it was', () => {
    const runs = [run(99, 2100, 40), run(78, 1900, 563), run(97, 2500, 120)]
    const results = {
      web: {
        posts: 100,
        serving: [],
        pages: [
          { name: 'post', path: '/posts/a', lighthouse: medianScores(runs), lighthouseRuns: runs },
          { name: 'home', path: '/', lighthouse: run(98, 1800, 30) },
        ],
      },
    } as unknown as Results
    const text = webTables(results)
    expect(text).toContain('the median of 3 or 1 runs per page')
    expect(text).toContain(
      '| post | `/posts/a` | 97 (99, 78, 97) | 100 (100, 100, 100) | 96 (96, 96, 96) | 100 (100, 100, 100) | 2,100 (2,100, 1,900, 2,500) | 120 (40, 563, 120) |',
    )
    expect(text).toContain('| home | `/` | 98 | 100 | 96 | 100 | 1,800 | 30 |')
  })
})
