// The author loop in next dev: break a post, see the error where you look, fix it, see the fix.
// next dev runs on a copy of the fixture site, on a free port, with its own dist dir, so that it
// never touches the developer's content/ or .next/. Every wait is for something to appear.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../free-port'
import { buildEnv, ROOT } from '../site/env'
import { launchBrowser } from './browser'
import { waitFor } from './nginx'

const DEV_DIST = '.next-e2e-dev'

/** A port nothing listens on now. */
let work: string
let dev: ChildProcess
let base: string
let browser: Browser
let terminal = ''
// next dev writes next-env.d.ts for its dist dir; the developer's copy is put back afterwards.
const nextEnv = path.join(ROOT, 'next-env.d.ts')
const nextEnvBefore = fs.existsSync(nextEnv) ? fs.readFileSync(nextEnv, 'utf8') : undefined

const postFile = (slug: string) => path.join(work, 'content/posts', `${slug}.mdx`)
const relative = (file: string) => path.relative(ROOT, file)

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-e2e-dev-'))
  fs.cpSync(path.join(ROOT, 'tests/fixtures/site/content'), path.join(work, 'content'), { recursive: true })
  fs.rmSync(path.join(ROOT, DEV_DIST), { recursive: true, force: true })
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  dev = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['dev', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...buildEnv(path.join(work, 'content'), DEV_DIST), INKWELL_DATA_DIR: path.join(work, 'data') },
    // Its own process group, so that stopping it stops the server it starts too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  dev.stdout!.on('data', (d) => (terminal += d))
  dev.stderr!.on('data', (d) => (terminal += d))
  await waitFor(
    base,
    () => dev.exitCode !== null,
    () => `next dev did not answer:\n${terminal}`,
  )
  // Each route compiles on its first request: that is next dev warming up, not the loop under test.
  for (const route of ['/', '/posts/second', '/posts/third', '/inkwell/content-version']) await fetch(base + route)
  browser = await launchBrowser()
}, 240_000)

afterAll(async () => {
  await browser?.close()
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once('exit', resolve))
    process.kill(-dev.pid, 'SIGTERM')
    await exited
  }
  fs.rmSync(path.join(ROOT, DEV_DIST), { recursive: true, force: true })
  if (nextEnvBefore !== undefined) fs.writeFileSync(nextEnv, nextEnvBefore)
  if (work) fs.rmSync(work, { recursive: true, force: true })
})

/** Opens `route` in a new page and waits for `text` on it. */
async function open(route: string, text: string): Promise<Page> {
  const page = await browser.newPage()
  await page.goto(base + route)
  await page.getByText(text).first().waitFor()
  return page
}

describe('next dev', () => {
  it('shows a broken post’s error on its page, keeps every other page working, and shows the fix by itself', async () => {
    const file = postFile('second')
    const good = fs.readFileSync(file, 'utf8')
    const page = await open('/posts/second', 'More words.')
    // Set on this document only: a reload would lose it.
    await page.evaluate(() => ((window as { sameDocument?: boolean }).sameDocument = true))

    fs.writeFileSync(file, `${good}\n<Admonition type="tip">\n\nNever closed.\n`)
    const tagLine = good.split('\n').length + 1
    const alert = page.getByRole('alert').filter({ hasText: `${relative(file)}:${tagLine}:1 Expected a closing tag for \`<Admonition>\`` })
    await alert.waitFor({ timeout: 10_000 })

    // The rest of the site goes on: other posts render, and lists show the broken post, badged.
    const other = await open('/posts/third', 'Third post')
    await other.goto(base + '/')
    const listed = other.getByRole('article').filter({ has: other.getByRole('heading', { name: /Second post/ }) })
    await expect.poll(() => listed.innerText()).toMatch(/Second post\s+Error/i)
    await other.close()

    const fixedAt = Date.now()
    fs.writeFileSync(file, good.replace('More words.', 'Fixed words.'))
    // About a second on a quiet machine (the reloader polls every 300 ms); the margin is for a busy one.
    await page.getByText('Fixed words.').waitFor({ timeout: 8_000 })
    const recovery = Date.now() - fixedAt
    expect(await alert.count()).toBe(0)
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true)
    console.log(`dev-loop: the fixed post showed ${recovery} ms after the save`)
    await page.close()

    // The terminal has one line per problem, never the error as an object.
    const reported = terminal.split('\n').filter((line) => line.includes(`${relative(file)}:${tagLine}:1`))
    expect(reported.length).toBeGreaterThan(0)
    for (const line of reported)
      expect(line).toMatch(
        /^(⨯ )?\S+:\d+:1 Expected a closing tag for `<Admonition>` \(close every tag, in the order the tags were opened\)$/,
      )
    expect(terminal).not.toMatch(/problems: \[|severity: '/)
  })

  it('shows a frontmatter warning on the post page, and prints it once in the terminal', async () => {
    const file = postFile('third')
    const good = fs.readFileSync(file, 'utf8')
    fs.writeFileSync(file, good.replace(/^title: (.*)$/m, 'title: $1\ncatgories: [Notes]'))
    const page = await open('/posts/third', 'Third post')
    const notice = page.getByRole('complementary', { name: /A warning about this post/ })
    await expect
      .poll(() => notice.innerText())
      .toContain(`${relative(file)}:3:1 unknown frontmatter field "catgories" (did you mean "categories"?)`)
    await page.goto(base + '/posts/third')
    await page.goto(base + '/')
    const line = `${relative(file)}:3:1 warning: unknown frontmatter field "catgories" (did you mean "categories"?)`
    expect(terminal.split('\n').filter((l) => l === line)).toEqual([line])
    await page.close()
  })
})
