import { describe, expect, it } from 'vitest'

import { takingTurns } from '@/lib/comments/turns'

/** A stand-in for one synchronous WebAssembly query: holds the thread for `ms`. */
function busy(ms: number) {
  const end = performance.now() + ms
  while (performance.now() < end);
}

describe('takingTurns', () => {
  it('answers every call in the order it was made, errors included', async () => {
    const order: number[] = []
    const run = takingTurns(async (n: number) => {
      order.push(n)
      if (n === 3) throw new Error('query 3 failed')
      return n * 10
    })
    const answers = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => run(n)))
    expect(order).toEqual([1, 2, 3, 4, 5])
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([
      10,
      20,
      'query 3 failed',
      40,
      50,
    ])
  })

  it('lets the event loop turn between slices while a burst of calls waits', async () => {
    const run = takingTurns(async () => busy(2), 4)
    const turns: number[] = []
    let done = 0
    const burst = Array.from({ length: 50 }, () => run().then(() => done++))
    // A timer stands for the loop's other work: accepting a connection, reading a request.
    const ticker = setInterval(() => turns.push(done), 0)
    await Promise.all(burst)
    clearInterval(ticker)
    // 50 calls of 2 ms in slices of 4 ms: the loop turned many times before the last one.
    expect(turns.filter((n) => n < 50).length).toBeGreaterThanOrEqual(10)
    // Each slice ran at most three calls (one started before 4 ms had passed, and it takes 2 ms).
    const steps = turns.slice(1).map((n, i) => n - turns[i]!)
    expect(Math.max(...steps)).toBeLessThanOrEqual(3)
  })
})
