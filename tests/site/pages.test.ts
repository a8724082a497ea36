// Pages of the fixture site (tests/fixtures/site), as built by `npm run build` and served by
// `next start` in global-setup.ts.
import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, inject, it } from 'vitest'

import { FIXTURE_DIST, ROOT } from './env'

describe('the fixture site, built and served by next start', () => {
  const base = inject('siteUrl')

  const page = async (pathname: string) => {
    const response = await fetch(base + pathname)
    const html = await response.text()
    return { status: response.status, html, doc: new JSDOM(html).window.document }
  }

  it('renders a post with its metadata, table of contents and components', async () => {
    const { status, doc } = await page('/posts/hello')
    expect(status).toBe(200)
    expect(doc.documentElement.lang).toBe('en-GB')
    expect(doc.querySelector('h1')?.textContent).toBe('Hello & welcome')
    expect(doc.title).toBe('Hello & welcome · Fixture Blog')
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://fixture.example.org/posts/hello')
    const times = [...doc.querySelectorAll('article header time')].map((t) => t.getAttribute('datetime'))
    expect(times).toEqual(['2025-03-21T13:48:21.000Z', '2025-03-31T22:00:00.000Z'])
    // "Guides" and "guides " are one category, linked once.
    expect([...doc.querySelectorAll('article header a[href^="/categories/"]')].map((a) => a.getAttribute('href'))).toEqual([
      '/categories/guides',
    ])
    expect([...doc.querySelectorAll('ul[aria-label=Tags] a')].map((a) => a.getAttribute('href'))).toEqual(['/tags/intro', '/tags/mdx'])

    const toc = [...doc.querySelectorAll('nav[aria-label="Table of contents"]')]
    expect(toc.length).toBeGreaterThan(0)
    expect([...toc[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#launch-day', '#details'])
    expect(doc.getElementById('launch-day')?.tagName).toBe('H2')
    expect(doc.querySelector('#launch-day a.heading-anchor')?.getAttribute('href')).toBe('#launch-day')

    const notes = [...doc.querySelectorAll('[role=note]')]
    expect(notes.map((n) => n.getAttribute('data-type'))).toEqual(['warning', 'tip', 'example'])
    expect(notes[0]!.textContent).toContain('Mind the gap')
    expect(notes[0]!.textContent).toContain('1024 computed')
    expect(notes[2]!.querySelector('details')?.hasAttribute('open')).toBe(true)

    const figures = [...doc.querySelectorAll('figure.figure')]
    expect(figures).toHaveLength(2)
    const img = figures[0]!.querySelector('img')!
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      '/posts/hello/diagram.svg',
      '400',
      '200',
    ])
    expect(figures[0]!.querySelector('figcaption')?.textContent).toBe('The diagram')
    const half = figures[1]!.querySelector('img')!
    expect([half.getAttribute('width'), half.getAttribute('height')]).toEqual(['200', '100'])

    const stats = doc.querySelector('dl.stats')!
    expect([...stats.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['submissions', 'talks'])
    expect([...stats.querySelectorAll('dd.stat-value')].map((d) => d.textContent)).toEqual(['185', '42'])

    expect(doc.querySelector('.table-scroll[role=region] table')).not.toBeNull()
    expect(doc.querySelector('section[data-footnotes] li')?.textContent).toContain('A footnote.')
    expect(doc.querySelector('pre[data-language=python] span[style*="--shiki-dark"]')).not.toBeNull()
  })

  it('renders a plain Markdown post (.md): braces and < as text, raw HTML kept, alert, figure, heading id, code', async () => {
    const { status, doc } = await page('/posts/plain-markdown')
    expect(status).toBe(200)
    expect(doc.querySelector('h1')?.textContent).toBe('Plain Markdown')
    const body = doc.querySelector('article')!
    expect(body.textContent).toContain('where {braces} and 1 < 2 are text.')
    expect(doc.querySelector('[role=note]')?.getAttribute('data-type')).toBe('note')
    const img = doc.querySelector('figure.figure img')!
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      '/posts/plain-markdown/diagram.svg',
      '400',
      '200',
    ])
    expect(doc.querySelector('figure.figure figcaption')?.textContent).toBe('The same diagram, in Markdown')
    expect(doc.getElementById('raw-html')?.tagName).toBe('H2')
    expect(body.querySelector('kbd')?.textContent).toBe('Ctrl')
    expect(body.querySelector('a[href="/posts/hello#launch-day"]')?.textContent).toBe('launch')
    expect(body.querySelector('div.aside em')?.textContent).toBe('Markdown')
    expect(doc.querySelector('pre[data-language=js] span[style*="--shiki-dark"]')).not.toBeNull()
  })

  it('shows series position, parts and the series page with its description', async () => {
    const { doc } = await page('/posts/second')
    const box = doc.querySelector('aside[aria-label=Series]')!
    expect(box.textContent).toContain('Part 2 of 2 of the series')
    expect(box.querySelector('[aria-current=page]')?.textContent).toBe('Second post')
    expect(box.querySelector('a[href="/series/getting-started"]')).not.toBeNull()
    // toc: false
    expect(doc.querySelector('nav[aria-label="Table of contents"]')).toBeNull()
    expect(doc.body.textContent).toContain('Grace Plain')

    const series = await page('/series/getting-started')
    expect(series.status).toBe(200)
    expect(series.doc.querySelector('h1')?.textContent).toBe('Getting Started')
    expect(series.doc.body.textContent).toContain('Two posts that get you going.')
    expect([...series.doc.querySelectorAll('ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/hello', '/posts/second'])
  })

  it('serves co-located images on request, with an ETag that answers 304 and no script allowed in SVGs', async () => {
    const response = await fetch(`${base}/posts/hello/diagram.svg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(response.headers.get('content-security-policy')).toContain('sandbox')
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600')
    expect(await response.text()).toContain('<svg')
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await fetch(`${base}/posts/hello/diagram.svg`, { headers: { 'If-None-Match': etag } })
    expect([again.status, await again.text()]).toEqual([304, ''])
    // Only files the post uses, nothing else from beside it or above it.
    for (const other of [
      '/posts/hello/index.mdx',
      '/posts/hello/nothing.svg',
      '/posts/hello/..%2F..%2Fsite.yaml',
      '/posts/secret-draft/diagram.svg',
    ])
      expect((await fetch(base + other)).status, other).toBe(404)
  })

  it('leaves images and social cards out of next build: two routes less per post to prerender', () => {
    // Answered on request by route.node.ts (the export has them as files: route.export.ts).
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, FIXTURE_DIST, 'prerender-manifest.json'), 'utf8')) as {
      routes: Record<string, unknown>
    }
    const routes = Object.keys(manifest.routes)
    expect(routes).toContain('/posts/hello')
    expect(routes.filter((r) => r.startsWith('/og/') || /^\/posts\/[^/]+\/./.test(r))).toEqual([])
  })

  it('writes what the server needs to answer them without loading the content: files and card text, no drafts', () => {
    const built = JSON.parse(fs.readFileSync(path.join(ROOT, FIXTURE_DIST, 'inkwell', 'post-files.json'), 'utf8')) as {
      assets: Record<string, string>
      cards: Record<string, { title: string; site: string; footer?: string }>
    }
    expect(built.assets['hello/diagram.svg']).toBe(path.join('posts', 'hello', 'diagram.svg'))
    expect(built.cards.hello).toMatchObject({ title: 'Hello & welcome' })
    // Posts still to come are not on the site yet.
    expect(Object.keys(built.cards)).not.toContain('from-the-future')
    expect(Object.keys(built.cards)).not.toContain('secret-draft')
    expect(Object.keys(built.assets).some((key) => key.startsWith('secret-draft/'))).toBe(false)
  })

  it('paginates the home page newest first and leaves drafts and future posts out', async () => {
    const home = await page('/')
    expect([...home.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/second', '/posts/hello'])
    expect(home.doc.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/page/2')
    const two = await page('/page/2')
    expect([...two.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual([
      '/posts/special-characters',
      '/posts/third',
    ])
    expect((await page('/posts/secret-draft')).status).toBe(404)
    expect((await page('/posts/from-the-future')).status).toBe(404)
    expect((await page('/categories/secret')).status).toBe(404)
    expect((await page('/tags/future-only')).status).toBe(404)
    const notFound = await page('/no/such/page')
    expect(notFound.status).toBe(404)
    expect(notFound.doc.querySelector('h1')?.textContent).toBe('This page does not exist')
    expect(
      fs
        .readdirSync(path.join(ROOT, FIXTURE_DIST, 'server/app/posts'))
        .filter((f) => f.endsWith('.html'))
        .sort(),
    ).toEqual(['hello.html', 'plain-markdown.html', 'second.html', 'special-characters.html', 'third.html', '日本語.html'])
    const three = await page('/page/3')
    expect([...three.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual([
      '/posts/日本語',
      '/posts/plain-markdown',
    ])
  })

  it('lists categories and tags with counts, and their posts', async () => {
    const categories = await page('/categories')
    expect([...categories.doc.querySelectorAll('main li a')].map((a) => a.textContent)).toEqual([
      'Guides2 posts',
      'Notes2 posts',
      'R&D <lab> "notes" 🧪1 post',
      'Ünïcödé1 post',
    ])
    const guides = await page('/categories/guides')
    expect([...guides.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/second', '/posts/hello'])
    const tags = await page('/tags')
    expect([...tags.doc.querySelectorAll('main li a')].map((a) => a.getAttribute('href'))).toEqual([
      '/tags/intro',
      '/tags/mdx',
      '/tags/misc',
      '/tags/日本語',
    ])
  })

  it('groups the archive by year in the site time zone', async () => {
    const { doc } = await page('/archive')
    const years = [...doc.querySelectorAll('main section')].map((s) => [
      s.querySelector('h2')?.textContent,
      [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    ])
    // third.mdx is 2024-12-31T23:30Z: already 2025 in Amsterdam.
    expect(years).toEqual([
      ['2025', ['/posts/second', '/posts/hello', '/posts/special-characters', '/posts/third']],
      ['2024', ['/posts/日本語', '/posts/plain-markdown']],
    ])
  })

  it('serves a post, its tag and its category named in another script, whether the path is percent-encoded or not', async () => {
    const encoded = '/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E'
    for (const pathname of [encoded, '/posts/日本語']) {
      const { status, doc } = await page(pathname)
      expect(status).toBe(200)
      expect(doc.querySelector('h1')?.textContent).toBe('日本語の記事')
      expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`https://fixture.example.org${encoded}`)
    }
    const post = (await page(encoded)).doc
    expect([...post.querySelectorAll('ul[aria-label=Tags] a')].map((a) => a.getAttribute('href'))).toEqual(['/tags/日本語'])
    expect([...post.querySelectorAll('article header a[href^="/categories/"]')].map((a) => a.getAttribute('href'))).toEqual([
      '/categories/ünïcödé',
    ])
    const tag = await page('/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E')
    expect(tag.status).toBe(200)
    expect(tag.doc.querySelector('h1')?.textContent).toBe('#日本語')
    expect([...tag.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/日本語'])
    const category = await page(`/categories/${encodeURIComponent('ünïcödé')}`)
    expect(category.status).toBe(200)
    expect(category.doc.querySelector('h1')?.textContent).toBe('Ünïcödé')
    expect((await fetch(`${base}/og/${encodeURIComponent('日本語')}.png`)).status).toBe(200)
  })

  it('renders the about page from MDX with the shared components', async () => {
    const { status, doc } = await page('/about')
    expect(status).toBe(200)
    expect(doc.querySelector('h1')?.textContent).toBe('About')
    expect(doc.querySelector('[role=note]')).not.toBeNull()
    expect(doc.querySelector('dl.stats')).not.toBeNull()
  })
})

describe('author pages of the fixture site', () => {
  const base = inject('siteUrl')
  const page = async (pathname: string) => {
    const response = await fetch(base + pathname)
    return { status: response.status, doc: new JSDOM(await response.text()).window.document }
  }

  it('lists authors with a file, gives each a page with their posts and feeds, and links bylines to it', async () => {
    const index = await page('/authors')
    expect(index.status).toBe(200)
    // Grace Plain is a plain name in one post's frontmatter: no file, so no page.
    expect([...index.doc.querySelectorAll('main a[href^="/authors/"]')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/authors/ada', 'Ada Fixture5 posts'],
    ])
    const ada = await page('/authors/ada')
    expect(ada.doc.querySelector('h1')?.textContent).toBe('Ada Fixture')
    expect(ada.doc.body.textContent).toContain('Exists so the build test has an author.')
    // Newest first, paginated like a category; second.mdx is Grace's.
    const listed = [...ada.doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href'))
    expect(listed[0]).toBe('/posts/hello')
    expect(listed).not.toContain('/posts/second')
    const profile = JSON.parse(ada.doc.querySelector('script[type="application/ld+json"]')!.textContent!)
    expect(profile).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Ada Fixture' } })
    expect((await fetch(`${base}/authors/ada/feed.xml`)).status).toBe(200)
    expect((await page('/authors/grace-plain')).status).toBe(404)

    const post = await page('/posts/hello')
    expect(post.doc.querySelector('article header a[rel=author]')?.getAttribute('href')).toBe('/authors/ada')
    const second = await page('/posts/second')
    expect(second.doc.querySelector('article header a[rel=author]')).toBeNull()
    expect(second.doc.querySelector('article header')?.textContent).toContain('Grace Plain')
  })
})
