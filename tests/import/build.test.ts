// Imports every source's fixture into one site, builds it with the real `npm run build` (one
// build for all four, about a minute) and serves it with `next start`: each source's posts must
// be pages, their old URLs permanent redirects to them, and their items in the feed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SOURCES } from '@/lib/import'
import { freePort } from '../free-port'
import { emptySite, importFixture } from '../lib/import/helpers'
import { buildEnv, ROOT } from '../site/env'

const DIST = '.next-import'
let dir = ''
let base = ''
let server: ChildProcess | undefined

beforeAll(async () => {
  dir = emptySite('inkwell-import-build-')
  for (const kind of SOURCES) await importFixture(kind, dir)
  const env = {
    ...buildEnv(path.join(dir, 'content'), DIST),
    INKWELL_DATA_DIR: path.join(dir, 'data'),
    SITE_URL: 'https://blog.example.com',
  }
  fs.rmSync(path.join(ROOT, DIST), { recursive: true, force: true })
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build of the imported site failed:\n${build.stdout}\n${build.stderr}`)
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  server = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  })
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(base).then(
        () => true,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('next start did not answer on the imported site')
})

afterAll(() => {
  server?.kill()
  fs.rmSync(path.join(ROOT, DIST), { recursive: true, force: true })
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const page = async (p: string) => {
  const response = await fetch(base + p)
  return { status: response.status, text: await response.text() }
}
/** Follows redirects by hand (next start first drops a trailing slash): each status, and where they end. */
const redirect = async (p: string) => {
  const statuses: number[] = []
  let location = p
  for (let hop = 0; hop < 3 && !location.startsWith('/posts/'); hop++) {
    const response = await fetch(new URL(location, base), { redirect: 'manual' })
    statuses.push(response.status)
    location = new URL(response.headers.get('location') ?? '', base).pathname
  }
  return { statuses, location }
}

const CASES = [
  {
    kind: 'hugo',
    post: '/posts/first-frost',
    title: 'First frost on the allotment',
    alias: '/2023/11/first-frost/',
    text: 'Cover the brassicas',
  },
  {
    kind: 'zola',
    post: '/posts/spring-tides',
    title: 'Spring tides are not about spring',
    alias: '/2024/spring-tides.html',
    text: 'Reading a tide table',
  },
  {
    kind: 'jekyll',
    post: '/posts/vienna-to-venice',
    title: 'Vienna to Venice by sleeper',
    alias: '/old/venice.html',
    text: 'In Liquid you would write {{ page.title }} to print the title.',
  },
  {
    kind: 'wordpress',
    post: '/posts/glaze-test-tiles',
    title: 'Glaze test tiles',
    alias: '/2021/03/glaze-test-tiles/',
    text: 'Cone 6, oxidation',
  },
]

describe('an imported site, built and served', () => {
  for (const c of CASES) {
    it(`${c.kind}: the post is a page, its old URL redirects to it, and the feed has it`, async () => {
      const shown = await page(c.post)
      expect(shown.status).toBe(200)
      expect(shown.text).toContain(c.title)
      expect(shown.text).toContain(c.text)
      const moved = await redirect(c.alias)
      expect(moved.statuses.every((s) => s === 308)).toBe(true)
      expect(moved.location).toBe(c.post)
      const feed = await page('/feed.xml')
      expect(feed.text).toContain(`<title><![CDATA[${c.title}]]></title>`)
      expect(feed.text).toContain(`https://blog.example.com${c.post}`)
    })
  }

  it('wordpress: the imported comments are served, threaded', async () => {
    const response = await fetch(`${base}/api/comments?post=glaze-test-tiles`)
    const { comments } = (await response.json()) as { comments: { id: number; parentId: number | null; name: string; isAuthor: boolean }[] }
    expect(comments.map((c) => [c.name, c.isAuthor])).toEqual([
      ['Joris', false],
      ['Hanne Vos', true],
      ['Joris', false],
    ])
    expect(comments[1]!.parentId).toBe(comments[0]!.id)
    expect(comments[2]!.parentId).toBe(comments[1]!.id)
  })

  it('leaves drafts out of the build', async () => {
    expect((await page('/posts/night-train-tips')).status).toBe(404)
    expect((await page('/posts/firing-schedule-unfinished')).status).toBe(404)
  })
})
