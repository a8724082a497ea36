import { parentPort } from 'node:worker_threads'
import { compilePost, type CompileOptions } from './mdx'

// One compile at a time per worker; see compile-pool.ts.
parentPort!.on('message', async ({ body, options }: { body: string; options: CompileOptions }) => {
  parentPort!.postMessage(await compilePost(body, options))
})
