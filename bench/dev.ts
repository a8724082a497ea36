// `next dev` as the author meets it: the time from starting the dev server to the first answer
// of a post page, and from saving an edit to that post to the page's HTML having it. The reloader
// in the browser (components/content-reloader.tsx) polls every 300 ms, so on screen an edit
// takes up to that much longer.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { childEnv } from './engines/engine'
import { freePort, stop } from './serve'

export interface DevRun {
  status: 'ok' | 'failed'
  /** From spawning `next dev` to the post page's first 200. */
  firstPageSeconds?: number
  /** From writing the edit to the page's HTML containing it. */
  editSeconds?: number
  log: string
  error?: string
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100

/** Polls `url` every 100 ms until its body satisfies `ok`; throws after `timeoutMs`. */
async function until(url: string, ok: (body: string) => boolean, timeoutMs: number, exited: () => boolean): Promise<void> {
  const end = performance.now() + timeoutMs
  while (performance.now() < end && !exited()) {
    const body = await fetch(url, { cache: 'no-store' }).then(
      (r) => (r.ok ? r.text() : undefined),
      () => undefined,
    )
    if (body !== undefined && ok(body)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(exited() ? 'next dev exited' : `${url} did not answer as expected within ${timeoutMs / 1000} s`)
}

/** Runs `next dev` in `site` on `content`, opens the post `slug` (a post folder with index.mdx), edits it. */
export async function measureDev({
  site,
  content,
  slug,
  log,
}: {
  site: string
  content: string
  slug: string
  log: string
}): Promise<DevRun> {
  const port = await freePort()
  const out = fs.openSync(log, 'w')
  const started = performance.now()
  const child = spawn(path.join(site, 'node_modules/.bin/next'), ['dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: site,
    env: childEnv({ INKWELL_CONTENT_DIR: content }),
    stdio: ['ignore', out, out],
    detached: true,
  })
  const exited = () => child.exitCode !== null || child.signalCode !== null
  const url = `http://127.0.0.1:${port}/posts/${slug}`
  const file = path.join(content, 'posts', slug, 'index.mdx')
  const original = fs.readFileSync(file, 'utf8')
  try {
    await until(url, () => true, 300_000, exited)
    const firstPageSeconds = seconds(started)
    const marker = `dev-edit-${Date.now().toString(36)}`
    const saved = performance.now()
    fs.writeFileSync(file, `${original}\n\nA paragraph written by the benchmark: ${marker}.\n`)
    await until(url, (body) => body.includes(marker), 60_000, exited)
    return { status: 'ok', firstPageSeconds, editSeconds: seconds(saved), log }
  } catch (error) {
    return { status: 'failed', log, error: error instanceof Error ? error.message : String(error) }
  } finally {
    fs.writeFileSync(file, original)
    await stop(child)
    fs.closeSync(out)
  }
}
