// Several servers: two `next start` on the e2e build, one PostgreSQL (a real server, started for
// this file), and nginx in front with deploy/nginx-lb.conf. Whatever one server stores or signs,
// the other must honour: comments, receipts, rate limits, admin sessions. And when one is killed
// in the middle of a stream of comments, no comment a reader was told about is lost.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inArray, sql } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openDatabase } from '@/lib/comments'
import { comments } from '@/lib/comments/schema'
import { startPostgres, type TestPostgres } from '../lib/comments/postgres'
import { launchBrowser } from './browser'
import { ADMIN_PASSWORD, ROOT } from './env'
import { startNginx, type Nginx } from './nginx'
import { freePort, oldToken, postComment, SLUG, startServer, type Server } from './servers'

let pg: TestPostgres
const stops: (() => unknown)[] = []
beforeAll(async () => {
  pg = await startPostgres()
  stops.push(() => pg.stop())
})
afterAll(async () => {
  for (const stop of stops.reverse()) await stop()
})

/**
 * Two next start servers on one PostgreSQL database, and deploy/nginx-lb.conf in front of them;
 * the servers leave compression to nginx (INKWELL_COMPRESS=0), as the README advises.
 */
async function cluster(database: string, env: Record<string, string>): Promise<{ a: Server; b: Server; lb: Nginx }> {
  const admin = await openDatabase({ url: pg.url })
  await admin.db.execute(sql.raw(`create database ${database}`))
  await admin.close()
  const url = pg.url.replace(/\/postgres$/, `/${database}`)
  // Both start at once, as after a deploy: one migrates the schema, the other waits for it.
  const [a, b] = await Promise.all([1, 2].map(() => startServer('next start', { DATABASE_URL: url, INKWELL_COMPRESS: '0', ...env })))
  stops.push(
    () => a!.stop(),
    () => b!.stop(),
  )
  const port = await freePort()
  const source = fs.readFileSync(path.join(ROOT, 'deploy/nginx-lb.conf'), 'utf8')
  const servers = [...source.matchAll(/^\s*server\s+127\.0\.0\.1:\d+/gm)]
  expect(servers, 'deploy/nginx-lb.conf has two upstream servers').toHaveLength(2)
  let i = 0
  const conf = source.replace(/^(\s*server\s+)127\.0\.0\.1:\d+/gm, (_, start) => `${start}${new URL([a!, b!][i++]!.url).host}`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-lb-'))
  stops.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'nginx-lb.conf')
  fs.writeFileSync(file, conf)
  const lb = await startNginx({ site: file, port })
  stops.push(() => lb.stop())
  return { a: a!, b: b!, lb }
}

describe('two servers on one PostgreSQL behind nginx', () => {
  let a: Server, b: Server, lb: Nginx
  let browser: Browser
  beforeAll(async () => {
    ;({ a, b, lb } = await cluster('shared', { INKWELL_COMMENT_RATE_LIMIT: '3/10', INKWELL_ADMIN_PASSWORD: ADMIN_PASSWORD }))
    browser = await launchBrowser()
    stops.push(() => browser.close())
  })

  it('shows a comment posted through nginx or one server on the other server', async () => {
    const token = await oldToken(lb.url)
    for (const [via, name] of [
      [lb.url, 'Through the balancer'],
      [a.url, 'Straight to A'],
    ] as const) {
      // A reader without JavaScript: a plain form post, answered with a redirect carrying a signed receipt.
      const response = await fetch(`${via}/api/comments`, {
        method: 'POST',
        body: new URLSearchParams({ post: SLUG, name, comment: `${name}, read on B.`, token }),
        headers: { origin: via },
        redirect: 'manual',
      })
      expect(response.status, await response.clone().text()).toBe(303)
      const page = await fetch(new URL(response.headers.get('location')!, b.url))
      expect(await page.text()).toContain(`${name}, read on B.`)
    }
  })

  it('compresses at nginx, while the servers send their pages as they are', async () => {
    const encoding = async (base: string, page: string) =>
      (await fetch(base + page, { headers: { 'Accept-Encoding': 'gzip' } })).headers.get('content-encoding')
    for (const page of [`/posts/${SLUG}`, '/feed.xml']) {
      expect(await encoding(a.url, page), `${page} from a server`).toBeNull()
      expect(await encoding(lb.url, page), `${page} through nginx`).toBe('gzip')
    }
  })

  it('counts the rate limit over both servers', async () => {
    // One reader, as nginx reports them, sent alternately to A and B: the fourth in ten minutes is refused.
    const client = { 'x-forwarded-for': '203.0.113.77' }
    const token = await oldToken(a.url)
    const statuses = []
    for (const [i, server] of [a, b, a, b].entries()) {
      statuses.push((await postComment(server.url, token, `Rate limit ${i}`, client)).status)
    }
    expect(statuses).toEqual([201, 201, 201, 429])
  })

  it('keeps an admin session made on A valid on B, where the author approves', async () => {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${a.url}/admin`)
    await page.getByLabel('Password').fill(ADMIN_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor()
    // The cookie is the host's (127.0.0.1), so the browser sends it to B as well: B must accept it.
    await page.goto(`${b.url}/admin`)
    expect(await page.getByLabel('Password').count()).toBe(0)
    const queue = page.getByRole('region', { name: /Waiting for moderation/ })
    await queue.getByRole('button', { name: 'Approve the comment by Straight to A' }).click()
    await expect.poll(() => queue.getByRole('article', { name: 'Comment by Straight to A', exact: true }).count()).toBe(0)
    const list = (await (await fetch(`${a.url}/api/comments?post=${SLUG}`)).json()) as { comments: { name: string }[] }
    expect(list.comments.map((c) => c.name)).toContain('Straight to A')
  })
})

describe('one of two servers killed in the middle of a stream of comments', () => {
  it('loses no acknowledged comment, posts none twice, and keeps answering GETs', async () => {
    const { b, lb } = await cluster('killed', { INKWELL_COMMENT_RATE_LIMIT: '10000/1' })
    const token = await oldToken(lb.url)
    const acknowledged: number[] = []
    const failedPosts: string[] = []
    const failedGets: string[] = []
    let running = true
    const poster = async (who: number) => {
      for (let i = 0; running; i++) {
        try {
          const response = await postComment(lb.url, token, `Stream ${who}, comment ${i}.`)
          if (response.status === 201) acknowledged.push(((await response.json()) as { comment: { id: number } }).comment.id)
          else failedPosts.push(String(response.status))
        } catch (error) {
          failedPosts.push(String(error))
        }
      }
    }
    const reader = async () => {
      while (running) {
        const response = await fetch(`${lb.url}/api/comments?post=${SLUG}`).catch((error: Error) => error)
        if (response instanceof Error || response.status !== 200)
          failedGets.push(response instanceof Error ? String(response) : String(response.status))
      }
    }
    const load = Promise.all([...[1, 2, 3, 4].map(poster), reader(), reader()])
    await new Promise((r) => setTimeout(r, 1_500))
    const before = acknowledged.length
    b.child.kill('SIGKILL')
    await new Promise((r) => setTimeout(r, 3_000))
    running = false
    await load
    console.log(
      `kill -9 mid-load: ${acknowledged.length} comments acknowledged (${before} before the kill), ${failedPosts.length} posts failed (${[...new Set(failedPosts)].join(', ')}), ${failedGets.length} GETs failed`,
    )
    expect(acknowledged.length).toBeGreaterThan(before)
    expect(failedGets).toEqual([])
    const database = await openDatabase({ url: pg.url.replace(/\/postgres$/, '/killed') })
    try {
      const stored = await database.db.select({ id: comments.id }).from(comments).where(inArray(comments.id, acknowledged))
      expect(stored.map((row) => row.id).sort((x, y) => x - y)).toEqual([...acknowledged].sort((x, y) => x - y))
      const twice = await database.db.execute(sql`select body from comments group by body having count(*) > 1`)
      expect((twice as unknown as { rows: unknown[] }).rows).toEqual([])
    } finally {
      await database.close()
    }
  })
})
