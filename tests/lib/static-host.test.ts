import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import type { Post } from '@/lib/content'
import { contentSecurityPolicy, securityHeaders, svgPolicy } from '@/lib/security-headers.mjs'
import {
  answer,
  createStaticServer,
  exportBasePath,
  formatHeaders,
  formatRedirects,
  headerRules,
  parseHeaders,
  parseRedirects,
  readStaticSite,
  redirectRules,
  writeHostFiles,
} from '@/lib/static-host'
import { pathMatcher } from '@/lib/static-host/pattern'

const post = (slug: string, aliases: string[]) => ({ slug, url: `/posts/${slug}`, aliases }) as unknown as Post

describe('_headers', () => {
  it('carries exactly the security headers of lib/security-headers.mjs on every path, and reads back as written', () => {
    const { rules, invalid } = parseHeaders(formatHeaders(headerRules('')))
    expect(invalid).toEqual([])
    expect(rules[0]).toEqual({
      path: '/*',
      headers: [{ key: 'Content-Security-Policy', value: contentSecurityPolicy() }, ...securityHeaders],
    })
    expect(rules.find((r) => r.path === '/*.svg')?.headers).toEqual([{ key: 'Content-Security-Policy', value: svgPolicy }])
    const cached = rules.filter((r) => r.headers.some((h) => h.key === 'Cache-Control'))
    expect(cached.map((r) => r.path)).toContain('/_next/static/*')
    expect(cached.every((r) => r.headers[0]!.value === 'public, max-age=31536000, immutable')).toBe(true)
  })

  it('puts every path under the base path and lets the pages fetch from the comment server', () => {
    const rules = headerRules('/blog', ['https://comments.example.com'])
    expect(rules.map((r) => r.path).every((p) => p.startsWith('/blog/'))).toBe(true)
    expect(rules[0]!.headers[0]!.value).toContain("connect-src 'self' https://comments.example.com;")
  })

  it('reports header lines outside a rule', () => {
    expect(parseHeaders('  X-Orphan: 1\n/a\n  nonsense\n').invalid.map((l) => l.line)).toEqual([1, 3])
  })
})

describe('_redirects', () => {
  it('sends every alias, in both spellings, to its post with a 301', () => {
    const rules = redirectRules([post('hello', ['/2019/11/old-hello/', '/old.html']), post('日本語', ['/café'])], '')
    expect(
      formatRedirects(rules)
        .split('\n')
        .filter((l) => !l.startsWith('#') && l),
    ).toEqual([
      '/2019/11/old-hello/ /posts/hello 301',
      '/2019/11/old-hello /posts/hello 301',
      '/old.html /posts/hello 301',
      '/caf%C3%A9 /posts/%E6%97%A5%E6%9C%AC%E8%AA%9E 301',
      '/caf%C3%A9/ /posts/%E6%97%A5%E6%9C%AC%E8%AA%9E 301',
    ])
  })

  it('writes sources and targets under the base path, and no rule for missing pages', () => {
    const text = formatRedirects(redirectRules([post('hello', ['/old/'])], '/blog'))
    expect(parseRedirects(text).rules).toEqual([
      { from: '/blog/old/', to: '/blog/posts/hello', status: 301 },
      { from: '/blog/old', to: '/blog/posts/hello', status: 301 },
    ])
    expect(text).not.toMatch(/^\S+ \S+ 404/m)
  })

  it('reads comments, forced rules and splats, and reports what the hosts would ignore', () => {
    const { rules, invalid } = parseRedirects('# c\n/a /b 301! # why\n/news/* /blog/:splat 302\n/x /404.html 404\n/only-one\n')
    expect(rules).toEqual([
      { from: '/a', to: '/b', status: 301, force: true },
      { from: '/news/*', to: '/blog/:splat', status: 302 },
    ])
    expect(invalid.map((l) => l.line)).toEqual([4, 5])
  })

  it('matches splats and placeholders as the hosts do', () => {
    expect(pathMatcher('/news/*')('/news/2024/a')).toEqual({ splat: '2024/a' })
    expect(pathMatcher('/*.svg')('/images/a.svg')).toEqual({ splat: 'images/a' })
    expect(pathMatcher('/p/:slug')('/p/a/b')).toBeUndefined()
    expect(pathMatcher('/a.html')('/aXhtml')).toBeUndefined()
  })
})

describe('the preview server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-serve-'))
  const root = path.join(dir, 'out')
  const files: Record<string, string> = {
    'index.html': '<script src="/_next/static/chunks/a.js"></script>home',
    'posts/hello.html': 'hello post',
    '2019/11/old-hello/index.html': 'alias page',
    'tags/index.html': 'tags',
    '404.html': 'not found page',
    'icon.svg': '<svg/>',
    'feed.xml': '<rss/>',
    '_next/static/chunks/a.js': 'js',
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret')
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'))
  writeHostFiles(root, { posts: [post('hello', ['/2019/11/old-hello/'])], basePath: '' })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const site = readStaticSite(root)

  it('serves clean URLs with the security headers, and strips a trailing slash', () => {
    const page = answer(site, '/posts/hello')
    expect([page.status, page.file, page.headers['Content-Type']]).toEqual([
      200,
      path.join(site.root, 'posts/hello.html'),
      'text/html; charset=utf-8',
    ])
    expect(page.headers['Content-Security-Policy']).toBe(contentSecurityPolicy())
    for (const { key, value } of securityHeaders) expect(page.headers[key], key).toBe(value)
    expect(answer(site, '/tags').file).toBe(path.join(site.root, 'tags/index.html'))
    expect(answer(site, '/').file).toBe(path.join(site.root, 'index.html'))
    expect(answer(site, '/posts/hello/?x=1')).toMatchObject({ status: 301, headers: { Location: '/posts/hello?x=1' } })
    expect(answer(site, '/feed.xml').headers['Content-Type']).toBe('application/rss+xml; charset=utf-8')
    expect(answer(site, '/_next/static/chunks/a.js').headers['Cache-Control']).toBe('public, max-age=31536000, immutable')
    expect(answer(site, '/icon.svg').headers['Content-Security-Policy']).toBe(`${contentSecurityPolicy()}, ${svgPolicy}`)
  })

  it('answers an alias with its 301 before the alias page, in both spellings', () => {
    expect(answer(site, '/2019/11/old-hello/')).toMatchObject({ status: 301, headers: { Location: '/posts/hello' } })
    expect(answer(site, '/2019/11/old-hello')).toMatchObject({ status: 301, headers: { Location: '/posts/hello' } })
  })

  it('answers a missing page with 404.html, status 404 and the headers', () => {
    const missing = answer(site, '/posts/nope')
    expect([missing.status, missing.file]).toEqual([404, path.join(site.root, '404.html')])
    expect(missing.headers['X-Frame-Options']).toBe('DENY')
  })

  it('never serves a file outside the export, nor the host files themselves', () => {
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/posts/..%2f..%2f..%2fsecret.txt',
      '/leak.txt',
      '/_redirects',
      '/_headers',
      '/a%00b',
    ]) {
      const found = answer(site, url)
      expect([url, found.status, found.file]).toEqual([url, 404, path.join(site.root, '404.html')])
    }
    expect(answer(site, '/%zz').status).toBe(400)
    expect(answer(site, 'posts/hello').status).toBe(400)
  })

  it('serves an export under its base path only, and reads that path from the pages', () => {
    fs.writeFileSync(path.join(root, '404.html'), '<link href="/blog/_next/static/chunks/b.css">')
    expect(exportBasePath(root)).toBe('')
    fs.writeFileSync(path.join(root, 'index.html'), '<script src="/blog/_next/static/chunks/a.js"></script>')
    expect(exportBasePath(root)).toBe('/blog')
    const under = readStaticSite(root)
    expect(answer(under, '/blog/posts/hello').status).toBe(200)
    expect(answer(under, '/blog').file).toBe(path.join(under.root, 'index.html'))
    expect(answer(under, '/posts/hello').status).toBe(404)
  })

  it('answers GET and HEAD over HTTP, and refuses other methods', async () => {
    const server = createStaticServer(site)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const get = await fetch(`${base}/posts/hello`)
      expect([get.status, await get.text()]).toEqual([200, 'hello post'])
      const head = await fetch(`${base}/posts/hello`, { method: 'HEAD' })
      expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '10', ''])
      const post = await fetch(`${base}/posts/hello`, { method: 'POST' })
      expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD'])
      const moved = await fetch(`${base}/2019/11/old-hello/`, { redirect: 'manual' })
      expect([moved.status, moved.headers.get('location')]).toEqual([301, '/posts/hello'])
    } finally {
      server.close()
    }
  })
})
