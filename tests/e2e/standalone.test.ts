// The standalone server, as the Docker image runs it: `node server.js` in <distDir>/standalone,
// assembled by npm run build with INKWELL_OUTPUT=standalone (global-setup builds the sample site
// so). Pages, static files, images, feeds, search and comments must all come from that folder
// alone, and a SIGTERM must end it cleanly. Docker itself cannot run here; the Dockerfile's steps
// are checked in tests/deploy/dockerfile.test.ts.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openDatabase } from '@/lib/comments'
import { comments } from '@/lib/comments/schema'
import { oldToken, postComment, startServer, type Server } from './servers'

const temps: string[] = []
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-standalone-'))
  temps.push(dir)
  return dir
}
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** Comment ids among `ids` that are in the embedded database in `dataDir` (opened after the server is gone). */
async function storedIds(dataDir: string, ids: number[]): Promise<number[]> {
  const database = await openDatabase({ dataDir })
  try {
    if (!ids.length) return []
    const rows = await database.db.select({ id: comments.id }).from(comments).where(inArray(comments.id, ids))
    return rows.map((row) => row.id).sort((a, b) => a - b)
  } finally {
    await database.close()
  }
}

describe('the standalone server (node server.js)', () => {
  let server: Server
  let dataDir: string
  beforeAll(async () => {
    dataDir = tempDir()
    server = await startServer('standalone', { INKWELL_DATA_DIR: dataDir })
  })
  afterAll(() => server?.stop())

  it('serves pages, static files, images, feeds, search and math from its own folder', async () => {
    const page = await fetch(`${server.url}/posts/static-days-2026`)
    expect(page.status).toBe(200)
    const html = await page.text()
    const asset = html.match(/\/_next\/static\/[^"']+\.(?:css|js)/)?.[0]
    const image = html.match(/\/posts\/static-days-2026\/[^"'?]+\.png/)?.[0]
    expect(asset && image, 'the page links a static file and an image').toBeTruthy()
    const answers = await Promise.all(
      [asset!, image!, '/feed.xml', '/pagefind/pagefind.js', '/katex/katex.css', '/'].map((p) => fetch(server.url + p)),
    )
    expect(answers.map((r) => `${new URL(r.url).pathname} ${r.status}`)).toEqual(answers.map((r) => `${new URL(r.url).pathname} 200`))
    expect(answers[1]!.headers.get('content-type')).toBe('image/png')
    expect(await answers[2]!.text()).toContain('<rss')
  })

  it('answers /api/health and takes a comment (PGlite, migrations and content from the folder)', async () => {
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true, database: 'pglite' })
    const response = await postComment(server.url, await oldToken(server.url), 'Posted to the standalone server.')
    expect(response.status).toBe(201)
  })

  it('answers 503 on /api/health and the comment API while another server holds its database', async () => {
    const second = await startServer('standalone', { INKWELL_DATA_DIR: dataDir })
    try {
      const health = await fetch(`${second.url}/api/health`)
      expect(health.status).toBe(503)
      expect((await health.json()) as { error: string }).toMatchObject({
        ok: false,
        error: expect.stringContaining(`process ${server.child.pid}`),
      })
      // Readers are told to come back, not shown a server error.
      const comments = await fetch(`${second.url}/api/comments?post=dark-mode-without-the-flash`)
      expect(comments.status).toBe(503)
      expect(comments.headers.get('retry-after')).toBe('60')
      expect(await comments.json()).toEqual({ error: 'Comments are not available right now. Try again in a minute.' })
    } finally {
      await second.stop()
    }
    // The second server's exit leaves the first one's lock alone.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})

describe.each(['standalone', 'next start'] as const)('SIGTERM to %s', (kind) => {
  it('finishes the requests in flight, closes the embedded database and exits 0', async () => {
    const dataDir = tempDir()
    const server = await startServer(kind, { INKWELL_DATA_DIR: dataDir, INKWELL_COMMENT_RATE_LIMIT: '10000/1' })
    const token = await oldToken(server.url)
    const acknowledged: number[] = []
    const refused: string[] = []
    let sent = 0
    let signalled = false
    // Four readers posting one comment after another; SIGTERM once a few have been answered.
    const reader = async (who: number) => {
      for (let i = 0; ; i++) {
        sent++
        try {
          const response = await postComment(server.url, token, `Reader ${who}, comment ${i}, just before the deploy.`)
          if (response.status !== 201) return void refused.push(`${response.status}`)
          acknowledged.push(((await response.json()) as { comment: { id: number } }).comment.id)
        } catch (error) {
          return void refused.push(String((error as Error).cause ?? error))
        }
        if (acknowledged.length >= 8 && !signalled) {
          signalled = true
          server.child.kill('SIGTERM')
        }
      }
    }
    await Promise.all([1, 2, 3, 4].map(reader))
    const exit = await server.exited
    console.log(
      `${kind}: ${sent} sent, ${acknowledged.length} acknowledged, ${refused.length} refused after SIGTERM (${[...new Set(refused)].join('; ')})`,
    )
    expect(exit, server.output()).toEqual({ code: 0, signal: null })
    expect(fs.existsSync(path.join(dataDir, 'inkwell.lock')), 'the lock is released').toBe(false)
    // PGlite removes its postmaster.pid when it shuts down, and only then (kill -9 leaves it).
    expect(fs.existsSync(path.join(dataDir, 'pglite', 'postmaster.pid')), 'PGlite shut down cleanly').toBe(false)
    // Every comment a reader was told about is stored, and the folder opens again.
    expect(await storedIds(dataDir, acknowledged)).toEqual([...acknowledged].sort((a, b) => a - b))
  })
})
