import { describe, expect, it } from 'vitest'

import { devTable, type Results } from '@/bench/report'

const run = { status: 'ok' as const, seconds: 60, peakMB: 2000, exitCode: 0, log: '' }

describe('the next dev table', () => {
  it('gives each size its first page, its edits and its first page from empty caches, and says when a run failed or an edit was not measured', () => {
    const results = {
      builds: [
        {
          engine: 'inkwell',
          posts: 100,
          build: run,
          dev: {
            status: 'ok',
            firstPageSeconds: 6.42,
            editOnScreenSeconds: 0.716,
            editSeconds: 0.384,
            coldFirstPageSeconds: 21.26,
            log: '',
          },
        },
        { engine: 'inkwell', posts: 500, build: run, dev: { status: 'ok', firstPageSeconds: 7.01, editSeconds: 0.5, log: '' } },
        { engine: 'astro', posts: 100, build: run },
        { engine: 'inkwell', posts: 1000, build: run, dev: { status: 'failed', error: 'next dev exited', log: '' } },
      ],
    } as unknown as Results
    const text = devTable(results)
    expect(text).toContain('| 100 | Inkwell (Next.js) | 6.4 | 0.72 | 0.38 | 21.3 |')
    expect(text).toContain('| 500 | Inkwell (Next.js) | 7.0 | — | 0.50 | — |')
    expect(text).toContain('| 1,000 | Inkwell (Next.js) | failed: next dev exited | — | — | — |')
    expect(text).not.toContain('Astro')
  })

  it('is left out of runs that did not measure it', () => {
    expect(devTable({ builds: [{ engine: 'inkwell', posts: 100, build: run }] } as unknown as Results)).toBe('')
  })
})
