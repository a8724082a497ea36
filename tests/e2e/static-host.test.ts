// The export's host files and `npm run serve`, on the export the suite already built (out/, the
// sample site): _headers and _redirects as Netlify and Cloudflare Pages read them, and the preview
// server answering as those hosts do. No browser needed.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { getContent } from '@/lib/content'
import { contentSecurityPolicy, securityHeaders } from '@/lib/security-headers.mjs'
import { parseHeaders, parseRedirects } from '@/lib/static-host'
import { encodePath } from '@/lib/urls'
import { freePort } from '../free-port'
import { ROOT } from './env'
import { waitFor } from './nginx'

const dir = inject('exportDir')
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8')

describe('the export for static hosts', () => {
  it('has a _headers file with exactly the headers of lib/security-headers.mjs', () => {
    const { rules, invalid } = parseHeaders(read('_headers'))
    expect(invalid).toEqual([])
    const all = rules.find((r) => r.path === '/*')
    expect(all?.headers).toEqual([{ key: 'Content-Security-Policy', value: contentSecurityPolicy() }, ...securityHeaders])
    expect(rules.find((r) => r.path === '/_next/static/*')?.headers).toEqual([
      { key: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
    ])
  })

  it('has every alias of the content in _redirects, as a 301 to its post, and a .nojekyll', async () => {
    const { rules, invalid } = parseRedirects(read('_redirects'))
    expect(invalid).toEqual([])
    const { posts } = await getContent()
    const aliases = posts.flatMap((post) => post.aliases.map((alias) => ({ alias, post })))
    expect(aliases.length).toBeGreaterThan(0)
    for (const { alias, post } of aliases) {
      expect(rules, alias).toContainEqual({ from: encodePath(alias), to: encodePath(post.url), status: 301 })
    }
    expect(rules.every((r) => r.status === 301)).toBe(true)
    expect(fs.existsSync(path.join(dir, '.nojekyll'))).toBe(true)
  })
})

describe('npm run serve', () => {
  let server: ChildProcess
  let base = ''
  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = spawn('npm', ['run', 'serve', '--', path.relative(ROOT, dir), '--port', String(port)], {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
    })
    await waitFor(
      base,
      () => server.exitCode !== null,
      () => 'npm run serve did not answer',
    )
  })
  // npm starts tsx, which starts node: the whole group goes.
  afterAll(() => process.kill(-server.pid!, 'SIGTERM'))
  const get = (p: string) => fetch(base + p, { redirect: 'manual' })

  it('answers clean URLs with the page and the security headers', async () => {
    const { posts } = await getContent()
    for (const p of ['/', encodePath(posts[0]!.url), '/archive', '/feed.xml']) {
      const response = await get(p)
      expect(response.status, p).toBe(200)
      expect(response.headers.get('content-security-policy'), p).toBe(contentSecurityPolicy())
      for (const { key, value } of securityHeaders) expect(response.headers.get(key), `${p} ${key}`).toBe(value)
    }
    expect((await get('/feed.xml')).headers.get('content-type')).toMatch(/^application\/rss\+xml/)
  })

  it('answers an unknown page with the 404 page and status 404', async () => {
    const response = await get('/posts/no-such-post')
    expect(response.status).toBe(404)
    expect(await response.text()).toBe(read('404.html'))
  })

  it('answers an alias with a 301 to its post', async () => {
    const { posts } = await getContent()
    const post = posts.find((p) => p.aliases.length)!
    const response = await get(encodePath(post.aliases[0]!))
    expect([response.status, response.headers.get('location')]).toEqual([301, encodePath(post.url)])
  })

  it('refuses paths that lead out of the export', async () => {
    fs.writeFileSync(path.join(ROOT, '.next-serve-secret.txt'), 'secret')
    try {
      for (const p of ['/%2e%2e/.next-serve-secret.txt', '/..%2f.next-serve-secret.txt', '/posts/..%2f..%2f.next-serve-secret.txt']) {
        const response = await get(p)
        expect(response.status, p).toBe(404)
        expect(await response.text(), p).not.toContain('secret')
      }
    } finally {
      fs.rmSync(path.join(ROOT, '.next-serve-secret.txt'))
    }
  })
})
