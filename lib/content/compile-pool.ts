import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { CompileOptions, CompiledPost } from './mdx'

// Workers start as plain JavaScript; register tsx so they can load the TypeScript compiler module.
const BOOT = `(async () => {
  const { workerData } = require('node:worker_threads')
  const { register } = await import('tsx/esm/api')
  register()
  await import(workerData)
})()`

type Job = { body: string; options: CompileOptions; resolve: (r: CompiledPost) => void; reject: (e: unknown) => void }

/**
 * Compiles posts on worker threads, one per core: compiling MDX is CPU-bound (parsing most of
 * all), so `npm run check` on a large site scales with cores. The workers run compile-worker.ts
 * through tsx, as the check script itself runs. Call close() when done.
 */
export function createCompilePool(size = Math.max(1, os.availableParallelism())) {
  const queue: Job[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, Job>()
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(BOOT, { eval: true, workerData: new URL('./compile-worker.ts', import.meta.url).href })
    worker.on('message', (result: CompiledPost) => {
      busy.get(worker)?.resolve(result)
      busy.delete(worker)
      idle.push(worker)
      next()
    })
    worker.on('error', (error) => {
      busy.get(worker)?.reject(error)
      busy.delete(worker)
    })
    idle.push(worker)
    return worker
  })
  const next = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop()!
      const job = queue.shift()!
      busy.set(worker, job)
      worker.postMessage({ body: job.body, options: job.options })
    }
  }
  return {
    compile(body: string, options: CompileOptions): Promise<CompiledPost> {
      return new Promise((resolve, reject) => {
        queue.push({ body, options, resolve, reject })
        next()
      })
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  }
}
