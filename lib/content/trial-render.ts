import { Worker } from 'node:worker_threads'
import { bundleWorker } from './compile-pool'
import { TIME_BUDGET_MS } from './sandbox-runtime'

/** How long rendering one post may take in the check before it is stopped. */
const POST_BUDGET_MS = 5 * TIME_BUDGET_MS
/** Memory one post may use while rendering; more is an expression out of control. */
const MEMORY_MB = 512

/** The outcome of rendering one post: nothing, an error message (`file:line:col …` when located), or where it hung. */
export type TrialResult = { error?: string; stopped?: { line: number; column: number; why: 'time' | 'memory' } }

/**
 * Renders posts once each on a worker thread, so that an expression which never returns or eats
 * all memory is stopped and reported instead of hanging or crashing `npm run check`.
 */
export async function createTrialRenderer() {
  const file = await bundleWorker('render-worker')
  const where = new SharedArrayBuffer(8)
  const position = new Int32Array(where)
  let worker: Worker | undefined
  const start = () => (worker = new Worker(file, { workerData: { where }, resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } }))

  const render = (code: string): Promise<TrialResult> =>
    new Promise((resolve) => {
      const w = worker ?? start()
      const stopped = (why: 'time' | 'memory') => {
        cleanup()
        worker = undefined
        void w.terminate()
        resolve({ stopped: { line: Atomics.load(position, 0) || 1, column: Atomics.load(position, 1) || 1, why } })
      }
      const timer = setTimeout(() => stopped('time'), POST_BUDGET_MS)
      const onMessage = (result: TrialResult) => {
        cleanup()
        resolve(result)
      }
      const onError = (error: Error & { code?: string }) => stopped(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'time')
      const cleanup = () => {
        clearTimeout(timer)
        w.off('message', onMessage)
        w.off('error', onError)
      }
      w.on('message', onMessage)
      w.on('error', onError)
      w.postMessage({ code })
    })

  return {
    render,
    /** Seconds a post may take, for messages. */
    seconds: POST_BUDGET_MS / 1000,
    memoryMb: MEMORY_MB,
    close: async () => {
      await worker?.terminate()
      const fs = await import('node:fs')
      fs.rmSync(file, { force: true })
    },
  }
}
