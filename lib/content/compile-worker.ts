import { parentPort } from 'node:worker_threads'
import { compileAndStore } from './cache'
import type { CompileOptions } from './mdx'

// One compile at a time per worker; see compile-pool.ts. The worker also writes the cache entry,
// so serialising results to disk is spread over the workers too.
parentPort!.on('message', async ({ body, options, key }: { body: string; options: CompileOptions; key: string | null }) => {
  parentPort!.postMessage(await compileAndStore(body, options, key))
})
