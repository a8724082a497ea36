// `next dev` as the author meets it: the time from starting the dev server to the first answer
// of a post page; then, with the page open in Chromium, from saving an edit to that post to the
// edit on screen (the page's reloader, components/content-reloader.tsx, polls every 300 ms and
// refreshes it); then, with the browser closed, from saving a second edit to the page's HTML
// having it: the server's part alone. Last, the first page again as a fresh clone meets it: no
// compiled posts, no compiled pages.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'

import { childEnv } from './engines/engine'
import { freePort, stop } from './serve'

export interface DevRun {
  status: 'ok' | 'failed'
  /** From spawning `next dev` to the post page's first 200. */
  firstPageSeconds?: number
  /** With the page open in Chromium: from writing the first edit to the page showing it. */
  editOnScreenSeconds?: number
  /** From writing an edit (the second, when the browser ran) to the page's HTML containing it. */
  editSeconds?: number
  /** The first page again, with the compile cache and next dev's own cache (.next/dev) removed first. */
  coldFirstPageSeconds?: number
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

/** `next dev` in `site` on `content`, on a free port; `stop()` ends it with its workers. */
async function startDev(site: string, content: string, log: string) {
  const port = await freePort()
  const out = fs.openSync(log, 'a')
  const child = spawn(path.join(site, 'node_modules/.bin/next'), ['dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: site,
    env: childEnv({ INKWELL_CONTENT_DIR: content }),
    stdio: ['ignore', out, out],
    detached: true,
  })
  return {
    base: `http://127.0.0.1:${port}`,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      await stop(child)
      fs.closeSync(out)
    },
  }
}

/**
 * Runs `next dev` in `site` on `content`, opens the post `slug` (a post folder with index.mdx),
 * edits it; then times the first page once more from empty caches (`cold`: the compile cache
 * folder and next dev's own), which also leaves the compile cache as next dev fills it.
 */
export async function measureDev({
  site,
  content,
  slug,
  log,
  browser,
  cold,
}: {
  site: string
  content: string
  slug: string
  log: string
  /** Chromium's executable; without it the edit on screen is not measured. */
  browser?: string
  /** Folders to empty before the cold start; without them it is not measured. */
  cold?: string[]
}): Promise<DevRun> {
  fs.writeFileSync(log, '')
  const file = path.join(content, 'posts', slug, 'index.mdx')
  const original = fs.readFileSync(file, 'utf8')
  const firstPage = async (dev: Awaited<ReturnType<typeof startDev>>, started: number) => {
    await until(`${dev.base}/posts/${slug}`, () => true, 900_000, dev.exited)
    return seconds(started)
  }
  let dev: Awaited<ReturnType<typeof startDev>> | undefined
  try {
    let started = performance.now()
    dev = await startDev(site, content, log)
    const url = `${dev.base}/posts/${slug}`
    const firstPageSeconds = await firstPage(dev, started)
    let edits = 0
    const edit = () => {
      const marker = `dev-edit-${++edits}-${Date.now().toString(36)}`
      fs.writeFileSync(file, `${original}\n\nA paragraph written by the benchmark: ${marker}.\n`)
      return marker
    }
    const editOnScreenSeconds = browser ? await onScreen(browser, url, edit) : undefined
    const saved = performance.now()
    const marker = edit()
    await until(url, (body) => body.includes(marker), 60_000, dev.exited)
    const editSeconds = seconds(saved)
    fs.writeFileSync(file, original)
    await dev.stop()
    dev = undefined
    let coldFirstPageSeconds: number | undefined
    if (cold) {
      for (const folder of cold) fs.rmSync(folder, { recursive: true, force: true })
      started = performance.now()
      dev = await startDev(site, content, log)
      coldFirstPageSeconds = await firstPage(dev, started)
    }
    return { status: 'ok', firstPageSeconds, editOnScreenSeconds, editSeconds, coldFirstPageSeconds, log }
  } catch (error) {
    return { status: 'failed', log, error: error instanceof Error ? error.message : String(error) }
  } finally {
    fs.writeFileSync(file, original)
    await dev?.stop()
  }
}

/** Opens `url` in Chromium, waits for its reloader, saves an edit and times it until the page shows it. */
async function onScreen(executablePath: string, url: string, edit: () => string): Promise<number> {
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const page = await browser.newPage()
    const isPoll = (requestUrl: string) => requestUrl.includes('/inkwell/content-version')
    // Requests other than the polls: how many are in flight, and when the last one began or ended.
    let inFlight = 0
    let lastRequest = performance.now()
    page.on('request', (request) => {
      if (isPoll(request.url())) return
      inFlight++
      lastRequest = performance.now()
    })
    const ended = (request: { url(): string }) => {
      if (isPoll(request.url())) return
      inFlight--
      lastRequest = performance.now()
    }
    page.on('requestfinished', ended)
    page.on('requestfailed', ended)
    // The page's scripts are compiled on their first request. Its reloader's first poll says
    // they have loaded and run (the polls never let the network go idle).
    const polled = page.waitForResponse((response) => isPoll(response.url()), { timeout: 300_000 })
    await page.goto(url, { waitUntil: 'load', timeout: 300_000 })
    await polled
    // The author reads before saving: the page's other requests (its comments, whose first answer
    // starts the comment database) have all been answered, and 2 s passed without a new one.
    const settled = performance.now() + 60_000
    while ((inFlight > 0 || performance.now() - lastRequest < 2000) && performance.now() < settled)
      await new Promise((r) => setTimeout(r, 100))
    const saved = performance.now()
    const marker = edit()
    await page.waitForFunction((text) => document.body.innerText.includes(text), marker, { polling: 50, timeout: 60_000 })
    return seconds(saved)
  } finally {
    await browser.close()
  }
}
