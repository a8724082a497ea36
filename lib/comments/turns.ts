// The embedded database runs its queries on the event loop's own thread, and each one is
// synchronous WebAssembly. Chained by promises, a burst of them (64 readers posting at once) runs
// back to back without one turn of the loop between: measured at 64 connections, the loop was held
// 100–370 ms at a time, new connections waited up to 3 s in the kernel's accept queue, and every
// page and comment on the server waited with them. Here queries run in the order they were asked,
// for at most a few milliseconds per turn; then the loop accepts connections, reads requests and
// writes answers before the next slice.

/** How long one turn of the event loop may spend on queries before it yields. */
const SLICE_MS = 4

/** `run`, called in order, never for longer than a slice without yielding to the event loop. */
export function takingTurns<A extends unknown[], R>(run: (...args: A) => Promise<R>, sliceMs = SLICE_MS): (...args: A) => Promise<R> {
  const waiting: { args: A; resolve: (value: R) => void; reject: (error: unknown) => void }[] = []
  let scheduled = false

  async function slice() {
    const start = performance.now()
    while (waiting.length > 0 && performance.now() - start < sliceMs) {
      const { args, resolve, reject } = waiting.shift()!
      await run(...args).then(resolve, reject)
    }
    scheduled = waiting.length > 0
    if (scheduled) setImmediate(slice)
  }

  return (...args: A) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ args, resolve, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(slice)
      }
    })
}
