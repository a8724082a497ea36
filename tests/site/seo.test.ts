// What search engines and social sites read from the fixture site (tests/fixtures/site): the
// sitemap, robots.txt, canonical and OpenGraph tags, JSON-LD, social images and old URLs.
import fs from 'node:fs'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, inject, it } from 'vitest'

import { ROOT } from './env'

const SITE = 'https://fixture.example.org'

describe('discoverability of the fixture site', () => {
  const base = inject('siteUrl')
  const page = async (pathname: string) => new JSDOM(await (await fetch(base + pathname)).text()).window.document
  const meta = (doc: Document, key: string) =>
    [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) => m.getAttribute('content'))
  const jsonLd = (doc: Document) =>
    [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? ''))

  it('lists every published page in the sitemap, dated by its content', async () => {
    const response = await fetch(`${base}/sitemap.xml`)
    expect(response.status).toBe(200)
    const doc = new JSDOM(await response.text(), { contentType: 'text/xml' }).window.document
    const entries = new Map(
      [...doc.querySelectorAll('url')].map((u) => [
        u.querySelector('loc')!.textContent!.replace(SITE, ''),
        u.querySelector('lastmod')?.textContent,
      ]),
    )
    const contentPages = [
      '/',
      '/page/2',
      '/page/3',
      // Percent-encoded, as URLs in XML must be: 日本語 and Ünïcödé.
      '/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E',
      '/categories/%C3%BCn%C3%AFc%C3%B6d%C3%A9',
      '/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E',
      '/posts/second',
      '/posts/hello',
      '/posts/special-characters',
      '/posts/third',
      '/posts/plain-markdown',
      '/archive',
      '/categories',
      '/categories/guides',
      '/categories/notes',
      '/categories/rd-lab-notes',
      '/tags',
      '/tags/intro',
      '/tags/intro/page/2',
      '/tags/mdx',
      '/tags/misc',
      '/series',
      '/series/getting-started',
    ]
    // Every page made from content, and nothing else from content (no draft, no future post);
    // static pages of the app (/about) are there too.
    const fromContent = [...entries.keys()].filter((p) => p === '/' || /^\/(posts|categories|tags|series|page|archive)(\/|$)/.test(p))
    expect(fromContent.sort()).toEqual(contentPages.sort())
    expect(entries.has('/about')).toBe(true)
    // `updated` wins over `date`; a plain date is midnight in Amsterdam; /about has no content date.
    expect(entries.get('/posts/hello')).toBe('2025-03-31T22:00:00.000Z')
    expect(entries.get('/posts/third')).toBe('2024-12-31T23:30:00.000Z')
    expect(entries.get('/')).toBe('2025-05-01T22:00:00.000Z')
    expect(entries.get('/page/2')).toBe('2025-02-14T13:00:00.000Z')
    expect(entries.get('/categories/notes')).toBe('2024-12-31T23:30:00.000Z')
    expect(entries.get('/about')).toBeUndefined()
    expect(entries.get('/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E')).toBe('2024-11-30T23:00:00.000Z')
    // Never the build's clock: every date is one of the content's.
    const contentDates = new Set([
      '2025-05-01T22:00:00.000Z',
      '2025-03-31T22:00:00.000Z',
      '2025-02-14T13:00:00.000Z',
      '2024-12-31T23:30:00.000Z',
      '2024-11-30T23:00:00.000Z',
      '2024-05-31T22:00:00.000Z',
    ])
    for (const date of entries.values()) if (date) expect(contentDates).toContain(date)
  })

  it('points robots.txt at the sitemap', async () => {
    const response = await fetch(`${base}/robots.txt`)
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toMatch(/^User-Agent: \*$/m)
    expect(text).toMatch(/^Allow: \/$/m)
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`)
  })

  it('gives a post its canonical URL, OpenGraph article, Twitter card and BlogPosting', async () => {
    const doc = await page('/posts/hello')
    expect(doc.documentElement.lang).toBe('en-GB')
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}/posts/hello`)
    expect(meta(doc, 'description')).toEqual(['The first paragraph becomes the summary.'])
    expect(meta(doc, 'og:type')).toEqual(['article'])
    expect(meta(doc, 'og:url')).toEqual([`${SITE}/posts/hello`])
    expect(meta(doc, 'og:title')).toEqual(['Hello & welcome'])
    expect(meta(doc, 'og:site_name')).toEqual(['Fixture Blog'])
    expect(meta(doc, 'og:locale')).toEqual(['en_GB'])
    expect(meta(doc, 'article:published_time')).toEqual(['2025-03-21T13:48:21.000Z'])
    expect(meta(doc, 'article:modified_time')).toEqual(['2025-03-31T22:00:00.000Z'])
    expect(meta(doc, 'article:tag')).toEqual(['intro', 'mdx'])
    expect(meta(doc, 'og:image')).toEqual([`${SITE}/og/hello.png`])
    expect([meta(doc, 'og:image:width'), meta(doc, 'og:image:height')]).toEqual([['1200'], ['630']])
    expect(meta(doc, 'twitter:card')).toEqual(['summary_large_image'])
    expect(meta(doc, 'twitter:image')).toEqual([`${SITE}/og/hello.png`])

    const [posting, ...others] = jsonLd(doc)
    expect(others).toEqual([])
    expect(posting).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: 'Hello & welcome',
      url: `${SITE}/posts/hello`,
      datePublished: '2025-03-21T13:48:21.000Z',
      dateModified: '2025-03-31T22:00:00.000Z',
      // The author has a file: the Person is their page here.
      author: [{ '@type': 'Person', '@id': `${SITE}/authors/ada#person`, name: 'Ada Fixture', url: `${SITE}/authors/ada` }],
      image: `${SITE}/og/hello.png`,
      keywords: ['intro', 'mdx'],
    })
  })

  it('keeps JSON-LD and meta tags intact for titles with & < > " and emoji', async () => {
    const response = await fetch(`${base}/posts/special-characters`)
    const html = await response.text()
    const doc = new JSDOM(html).window.document
    const title = 'Ampersands & <angle brackets> "quoted" 🎉'
    expect(meta(doc, 'og:title')).toEqual([title])
    expect(jsonLd(doc)[0].headline).toBe(title)
    // No "<" inside the script text, so nothing an author writes can close it.
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(script).not.toContain('<')
  })

  it('describes list pages and the home page, with the Blog JSON-LD on the home page', async () => {
    const home = await page('/')
    expect(home.title).toBe('Fixture Blog')
    expect(home.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(SITE)
    expect(meta(home, 'og:type')).toEqual(['website'])
    expect(meta(home, 'og:image')).toEqual([`${SITE}/og.png`])
    const [blog] = jsonLd(home)
    expect(blog).toMatchObject({ '@type': 'Blog', name: 'Fixture Blog', url: `${SITE}/`, inLanguage: 'en-GB' })
    expect(blog.blogPost.map((p: { url: string }) => p.url)).toEqual([`${SITE}/posts/second`, `${SITE}/posts/hello`])

    const guides = await page('/categories/guides')
    expect(guides.title).toBe('Category: Guides · Fixture Blog')
    expect(guides.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}/categories/guides`)
    expect(meta(guides, 'og:url')).toEqual([`${SITE}/categories/guides`])
    expect(jsonLd(guides)).toEqual([])

    const archive = await page('/archive')
    expect(archive.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}/archive`)
    expect(meta(archive, 'description')).toEqual(['Every post, by year.'])
    const about = await page('/about')
    expect(about.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}/about`)
  })

  it('serves a generated social image per post as a 1200×630 PNG', async () => {
    const response = await fetch(`${base}/og/hello.png`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const png = Buffer.from(await response.arrayBuffer())
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630])
    // Drawn once and kept by its text, so the next build serves the same bytes without drawing.
    const kept = path.join(ROOT, 'node_modules/.cache/inkwell/og')
    expect(fs.readdirSync(kept).some((name) => fs.readFileSync(path.join(kept, name)).equals(png))).toBe(true)
    expect((await fetch(`${base}/og.png`)).headers.get('content-type')).toBe('image/png')
    // Drafts get no card, nor do names that are no post.
    expect((await fetch(`${base}/og/secret-draft.png`)).status).toBe(404)
    expect((await fetch(`${base}/og/hello.jpg`)).status).toBe(404)
    // Drawn on request, and the same bytes answered again from memory or the cache: one ETag.
    const again = await fetch(`${base}/og/hello.png`)
    expect(Buffer.from(await again.arrayBuffer()).equals(png)).toBe(true)
    expect(again.headers.get('etag')).toBe(response.headers.get('etag'))
    expect((await fetch(`${base}/og/hello.png`, { headers: { 'If-None-Match': again.headers.get('etag')! } })).status).toBe(304)
  })

  it('redirects a post’s old URLs permanently to it', async () => {
    const moved = await fetch(`${base}/2019/11/old-hello`, { redirect: 'manual' })
    expect(moved.status).toBe(308)
    expect(moved.headers.get('location')).toBe('/posts/hello')
    const body = new JSDOM(await moved.text()).window.document
    expect(body.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(`${SITE}/posts/hello`)

    // As written in the frontmatter, with the slash: Next drops it (308), then the alias leads on.
    const followed = await fetch(`${base}/2019/11/old-hello/`)
    expect(followed.status).toBe(200)
    expect(new URL(followed.url).pathname).toBe('/posts/hello')
    expect(followed.redirected).toBe(true)

    expect((await fetch(`${base}/2019/11/not-an-alias`, { redirect: 'manual' })).status).toBe(404)
  })
})
