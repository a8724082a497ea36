import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import type { CompileOptions, CompiledPost } from './mdx'

type Job = { body: string; options: CompileOptions; key: string | null; resolve: (r: CompiledPost) => void; reject: (e: unknown) => void }

// Workers load their module (compile-worker.ts, render-worker.ts) bundled into one plain ES module
// (packages stay imports): loading our TypeScript through tsx's hooks in every worker cost about a
// second of CPU each.
/** Bundles one worker module next to this file; returns the bundle's path (remove it when done). */
export async function bundleWorker(name: string): Promise<string> {
  const outfile = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'inkwell-worker', `${name}.${process.pid}.mjs`)
  await build({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    jsx: 'automatic',
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  })
  return outfile
}

/**
 * Compiles posts on worker threads, one per core: compiling MDX is CPU-bound (parsing most of
 * all), so `npm run check` on a large site scales with cores. Call close() when done.
 */
export async function createCompilePool(size = Math.max(1, os.availableParallelism())) {
  const file = await bundleWorker('compile-worker')
  const queue: Job[] = []
  const idle: Worker[] = []
  const busy = new Map<Worker, Job>()
  const workers = Array.from({ length: size }, () => {
    // Parsing makes many short-lived objects: a larger young generation means fewer collections.
    const worker = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: 96 } })
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
      worker.postMessage({ body: job.body, options: job.options, key: job.key })
    }
  }
  return {
    compile(body: string, options: CompileOptions, key: string | null): Promise<CompiledPost> {
      return new Promise((resolve, reject) => {
        queue.push({ body, options, key, resolve, reject })
        next()
      })
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
      fs.rmSync(file, { force: true })
    },
  }
}
