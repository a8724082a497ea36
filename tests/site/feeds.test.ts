// The feeds of the fixture site (tests/fixtures/site), as built by `npm run build` and served by
// `next start` in global-setup.ts, read with a real RSS parser and with Python's feedparser.
import { spawnSync } from 'node:child_process'
import { JSDOM } from 'jsdom'
import Parser from 'rss-parser'
import { describe, expect, inject, it } from 'vitest'

const SITE = 'https://fixture.example.org'
const SPECIAL_TITLE = 'Ampersands & <angle brackets> "quoted" 🎉'
const SPECIAL_CATEGORY = 'R&D <lab> "notes" 🧪'

type Item = {
  title: string
  link: string
  guid: string
  pubDate: string
  creator: string
  categories: string[]
  description: string
  contentEncoded: string
}
const parser = new Parser<{ lastBuildDate: string; language: string; image: { url: string[] } }, Item>({
  customFields: {
    feed: ['lastBuildDate', 'language', 'image'],
    item: [['dc:creator', 'creator'], ['content:encoded', 'contentEncoded'], 'description'],
  },
})

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the fields Inkwell writes. */
interface JsonFeed {
  version: string
  title: string
  home_page_url: string
  feed_url: string
  items: { id: string; url: string; title: string; content_html: string; date_published: string; authors: { name: string }[] }[]
}

/** What breaks JSON Feed 1.1 in a feed: required fields, types, absolute URLs, RFC 3339 dates. */
function jsonFeedProblems(feed: JsonFeed): string[] {
  const problems: string[] = []
  const absolute = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value)
  if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push(`version ${feed.version}`)
  if (typeof feed.title !== 'string' || !feed.title) problems.push('title')
  if (!absolute(feed.home_page_url) || !absolute(feed.feed_url)) problems.push('home_page_url or feed_url')
  if (!Array.isArray(feed.items)) return [...problems, 'items']
  for (const item of feed.items) {
    if (typeof item.id !== 'string' || !item.id) problems.push('item without id')
    if (!absolute(item.url)) problems.push(`item url ${item.url}`)
    if (typeof item.content_html !== 'string') problems.push(`item ${item.id} without content_html`)
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(item.date_published)) problems.push(`date ${item.date_published}`)
    if (!Array.isArray(item.authors) || item.authors.some((a) => typeof a.name !== 'string')) problems.push(`item ${item.id} authors`)
  }
  return problems
}

// Debian's python3-feedparser lives under /usr/bin/python3, which a python3 earlier in PATH may not see.
const python = ['/usr/bin/python3', 'python3'].find((bin) => spawnSync(bin, ['-c', 'import feedparser']).status === 0)

describe('feeds of the fixture site', () => {
  const base = inject('siteUrl')

  const get = async (pathname: string) => {
    const response = await fetch(base + pathname)
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() }
  }
  const feed = async (pathname: string) => {
    const { status, type, text } = await get(pathname)
    expect(status).toBe(200)
    expect(type).toBe('application/rss+xml; charset=utf-8')
    return { xml: text, ...(await parser.parseString(text)) }
  }
  const links = (items: Item[]) => items.map((item) => item.link.replace(SITE, ''))

  it('has the newest published posts, up to feedItems, with their dates, authors and categories', async () => {
    const { xml, title, description, link, language, lastBuildDate, feedUrl, image, items } = await feed('/feed.xml')
    expect([title, description, link, language]).toEqual(['Fixture Blog', 'A small site the build test builds.', `${SITE}/`, 'en-GB'])
    expect(feedUrl).toBe(`${SITE}/feed.xml`)
    expect(xml).toContain(`<atom:link href="${SITE}/feed.xml" rel="self" type="application/rss+xml"/>`)
    expect(image.url).toEqual([`${SITE}/og.png`])
    // The newest change among its items (second.mdx, 2025-05-02 in Amsterdam), not the build's clock.
    expect(lastBuildDate).toBe('Thu, 01 May 2025 22:00:00 GMT')

    // feedItems: 3 leaves third.mdx out; the draft and the future post are never in.
    expect(links(items)).toEqual(['/posts/second', '/posts/hello', '/posts/special-characters'])
    const hello = items[1]!
    expect(hello.title).toBe('Hello & welcome')
    expect(hello.guid).toBe(`${SITE}/posts/hello`)
    expect(xml).toContain(`<guid isPermaLink="true">${SITE}/posts/hello</guid>`)
    // 2025-03-21T21:48:21+08:00: the same instant in GMT.
    expect(hello.pubDate).toBe('Fri, 21 Mar 2025 13:48:21 GMT')
    expect(hello.creator).toBe('Ada Fixture')
    expect(items[0]!.creator).toBe('Grace Plain')
    expect(hello.categories).toEqual(['Guides', 'intro', 'mdx'])
    expect(hello.description).toBe('The first paragraph becomes the summary.')
    expect(items[0]!.description).toBe('An explicit summary.')
    // A plain date is midnight in the site's zone (Europe/Amsterdam).
    expect(items[0]!.pubDate).toBe('Thu, 01 May 2025 22:00:00 GMT')
    expect(items[2]!.pubDate).toBe('Fri, 14 Feb 2025 13:00:00 GMT')
    expect(xml).not.toMatch(/secret-draft|from-the-future|undefined/)
  })

  it('carries each post in full as feed-safe HTML with absolute URLs', async () => {
    const { items } = await feed('/feed.xml')
    const html = items[1]!.contentEncoded
    const doc = new JSDOM(`<body>${html}</body>`).window.document
    expect(doc.querySelector('p')?.textContent).toBe('The first paragraph becomes the summary.')

    // Admonitions and alerts: a titled block, never folded.
    const notes = [...doc.querySelectorAll('blockquote')]
    expect(notes.map((n) => n.querySelector('strong')?.textContent)).toEqual(['Warning: Mind the gap', 'Tip', 'Example'])
    expect(notes[0]!.textContent).toContain('1024 computed')
    expect(doc.querySelector('details, summary, svg')).toBeNull()

    const figures = [...doc.querySelectorAll('figure')]
    expect(figures.map((f) => f.querySelector('img')?.getAttribute('src'))).toEqual([
      `${SITE}/posts/hello/diagram.svg`,
      `${SITE}/posts/hello/diagram.svg`,
    ])
    expect(figures[0]!.querySelector('figcaption')?.textContent).toBe('The diagram')
    expect([...figures[1]!.querySelectorAll('img')].map((img) => [img.getAttribute('width'), img.getAttribute('height')])).toEqual([
      ['200', '100'],
    ])

    // Stats read as on the page, value then label.
    expect([...doc.querySelectorAll('ul li')].filter((li) => li.querySelector('strong')).map((li) => li.textContent)).toEqual([
      '185 submissions (up from 120)',
      '42 talks',
    ])
    expect(doc.querySelector('table tbody td')?.textContent).toBe('1')

    // Highlighted code is plain text in <pre><code>, with no token spans.
    const code = doc.querySelector('pre > code')!
    expect(code.textContent).toBe('print("hello")')
    expect(code.children).toHaveLength(0)

    // Links into the site and to footnotes point at the site; the heading anchors are gone.
    expect(doc.querySelector('a[href$="#setup"]')?.getAttribute('href')).toBe(`${SITE}/posts/second#setup`)
    expect(doc.querySelector('sup a')?.getAttribute('href')).toBe(`${SITE}/posts/hello#user-content-fn-1`)
    for (const el of doc.querySelectorAll('[href], [src]')) {
      expect(el.getAttribute('href') ?? el.getAttribute('src')).toMatch(/^https:\/\/fixture\.example\.org\//)
    }
    expect(doc.querySelector('h2#launch-day')?.textContent).toBe('🚀 Launch day')
    expect(doc.querySelector('script, style, button, [class], [style], [tabindex], [aria-hidden]')).toBeNull()
    expect(html).not.toMatch(/data-|--shiki/)
  })

  it('escapes titles and categories with & < > " and emoji, and CDATA ends inside posts', async () => {
    const { xml, items } = await feed('/feed.xml')
    const special = items.find((item) => item.link === `${SITE}/posts/special-characters`)!
    expect(special.title).toBe(SPECIAL_TITLE)
    expect(special.categories).toEqual([SPECIAL_CATEGORY, 'intro'])
    expect(special.description).toBe('A summary with & < > " and 🎉 in it.')
    const doc = new JSDOM(`<body>${special.contentEncoded}</body>`).window.document
    expect(doc.querySelector('p')?.textContent).toBe('Characters that XML and HTML treat specially: & < > " and an emoji 🎉.')
    expect(doc.querySelector('pre code')?.textContent).toBe('A line that ends a CDATA section: ]]> and goes on.')
    // Relative and fragment links are made absolute on the post's URL.
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `${SITE}/archive`,
      `${SITE}/posts/special-characters#a-heading`,
      `${SITE}/posts/second`,
    ])
    // Nothing unescaped outside CDATA: the raw title never appears as markup.
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain('<angle')

    const category = await feed('/categories/rd-lab-notes/feed.xml')
    expect(category.title).toBe(`Fixture Blog: ${SPECIAL_CATEGORY}`)
    expect(category.link).toBe(`${SITE}/categories/rd-lab-notes`)
    expect(links(category.items)).toEqual(['/posts/special-characters'])
  })

  it('links posts named in another script by percent-encoded absolute URLs', async () => {
    const path = `/categories/${encodeURIComponent('ünïcödé')}/feed.xml`
    const { xml, title, link, feedUrl, items } = await feed(path)
    expect(title).toBe('Fixture Blog: Ünïcödé')
    expect(link).toBe(`${SITE}/categories/%C3%BCn%C3%AFc%C3%B6d%C3%A9`)
    expect(feedUrl).toBe(`${SITE}/categories/%C3%BCn%C3%AFc%C3%B6d%C3%A9/feed.xml`)
    expect(items.map((item) => [item.title, item.link, item.guid, item.categories])).toEqual([
      ['日本語の記事', `${SITE}/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E`, `${SITE}/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E`, ['Ünïcödé', '日本語']],
    ])
    const doc = new JSDOM(`<body>${items[0]!.contentEncoded}</body>`).window.document
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `${SITE}/posts/hello`,
      `${SITE}/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E`,
    ])
    // Nothing but ASCII in the URLs of the XML.
    expect(xml.match(/https?:\/\/[^\s<"]*/g)!.every((url) => /^[\x21-\x7e]+$/.test(url))).toBe(true)
  })

  it('has a feed per category and per series, with the same items filtered', async () => {
    const guides = await feed('/categories/guides/feed.xml')
    expect(guides.title).toBe('Fixture Blog: Guides')
    expect(guides.feedUrl).toBe(`${SITE}/categories/guides/feed.xml`)
    expect(links(guides.items)).toEqual(['/posts/second', '/posts/hello'])
    const site = await feed('/feed.xml')
    expect(guides.items[1]!.contentEncoded).toBe(site.items[1]!.contentEncoded)
    expect(guides.items[1]!.pubDate).toBe('Fri, 21 Mar 2025 13:48:21 GMT')

    // third.mdx and plain-markdown/index.md are past the site feed's limit but their category has room for them.
    const notes = await feed('/categories/notes/feed.xml')
    expect(links(notes.items)).toEqual(['/posts/third', '/posts/plain-markdown'])
    // A .md post is in full, as MDX posts are: its alert a quote, its figure captioned, its raw HTML kept, its links absolute.
    const md = new JSDOM(`<body>${notes.items[1]!.contentEncoded}</body>`).window.document
    expect(md.querySelector('p')?.textContent).toBe('A .md post, where {braces} and 1 < 2 are text.')
    expect(md.querySelector('blockquote strong')?.textContent).toBe('Note')
    expect(md.querySelector('figure img')?.getAttribute('src')).toBe(`${SITE}/posts/plain-markdown/diagram.svg`)
    expect(md.querySelector('figure figcaption')?.textContent).toBe('The same diagram, in Markdown')
    expect(md.querySelector('kbd')?.textContent).toBe('Ctrl')
    expect(md.querySelector('a[href$="launch-day"]')?.getAttribute('href')).toBe(`${SITE}/posts/hello#launch-day`)
    expect(md.querySelector('div.aside em, div em')?.textContent).toBe('Markdown')

    const series = await feed('/series/getting-started/feed.xml')
    expect(series.title).toBe('Fixture Blog: Getting Started')
    expect(links(series.items)).toEqual(['/posts/second', '/posts/hello'])

    // A category that only a draft has does not exist; tags have feeds of their own.
    expect((await get('/categories/secret/feed.xml')).status).toBe(404)
    const tag = await feed('/tags/intro/feed.xml')
    expect(tag.title).toBe('Fixture Blog: #intro')
    expect(links(tag.items)).toEqual(['/posts/second', '/posts/hello', '/posts/special-characters'])
  })

  it('announces the site feed on every page and the page’s own feed on category and series pages', async () => {
    const alternates = async (pathname: string) => {
      const doc = new JSDOM(await (await fetch(base + pathname)).text()).window.document
      return [...doc.querySelectorAll('head link[rel=alternate][type="application/rss+xml"]')].map((l) => [
        l.getAttribute('title'),
        l.getAttribute('href'),
      ])
    }
    const siteFeed = ['Fixture Blog', `${SITE}/feed.xml`]
    for (const pathname of ['/', '/posts/hello', '/archive', '/about', '/page/2']) {
      expect(await alternates(pathname)).toEqual([siteFeed])
    }
    expect(await alternates('/tags/intro')).toEqual([siteFeed, ['Fixture Blog: #intro', `${SITE}/tags/intro/feed.xml`]])
    expect(await alternates('/categories/guides')).toEqual([siteFeed, ['Fixture Blog: Guides', `${SITE}/categories/guides/feed.xml`]])
    expect(await alternates('/series/getting-started')).toEqual([
      siteFeed,
      ['Fixture Blog: Getting Started', `${SITE}/series/getting-started/feed.xml`],
    ])
  })

  it('writes every feed as Atom 1.0 and JSON Feed 1.1 too, with the same posts in full, announced in the head', async () => {
    for (const base of ['', '/categories/guides', '/tags/intro', '/series/getting-started']) {
      const rss = await feed(`${base}/feed.xml`)
      const atom = await get(`${base}/atom.xml`)
      expect(atom.type).toBe('application/atom+xml; charset=utf-8')
      const doc = new JSDOM(atom.text, { contentType: 'application/xml' }).window.document
      const entries = [...doc.querySelectorAll('entry')]
      expect(entries.map((e) => e.querySelector('link')?.getAttribute('href'))).toEqual(rss.items.map((i) => i.link))
      expect(doc.querySelector('feed > link[rel=self]')?.getAttribute('href')).toBe(`${SITE}${base}/atom.xml`)
      expect(entries.map((e) => e.querySelector('content')?.textContent)).toEqual(rss.items.map((i) => i.contentEncoded))

      const json = await get(`${base}/feed.json`)
      expect(json.type).toBe('application/feed+json; charset=utf-8')
      const data = JSON.parse(json.text) as JsonFeed
      expect(jsonFeedProblems(data)).toEqual([])
      expect(data.feed_url).toBe(`${SITE}${base}/feed.json`)
      expect(data.items.map((i) => i.url)).toEqual(rss.items.map((i) => i.link))
      expect(data.items.map((i) => i.content_html)).toEqual(rss.items.map((i) => i.contentEncoded))
    }
    const hello = (JSON.parse((await get('/feed.json')).text) as JsonFeed).items[1]!
    expect(hello).toMatchObject({
      title: 'Hello & welcome',
      date_published: '2025-03-21T13:48:21.000Z',
      authors: [{ name: 'Ada Fixture' }],
    })
    const head = new JSDOM(await (await fetch(base + '/categories/guides')).text()).window.document
    expect(
      [...head.querySelectorAll('head link[rel=alternate]')].map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`),
    ).toEqual([
      `application/rss+xml ${SITE}/feed.xml`,
      `application/rss+xml ${SITE}/categories/guides/feed.xml`,
      `application/atom+xml ${SITE}/atom.xml`,
      `application/atom+xml ${SITE}/categories/guides/atom.xml`,
      `application/feed+json ${SITE}/feed.json`,
      `application/feed+json ${SITE}/categories/guides/feed.json`,
    ])
  })

  // Debian's feedparser (6.0) reads RSS and Atom; JSON Feed is checked against its spec above.
  it.skipIf(!python)('parses without a warning in Python feedparser', async () => {
    const script = [
      'import feedparser, json, sys',
      'd = feedparser.parse(sys.stdin.buffer.read())',
      'print(json.dumps({"bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version, "titles": [e.title for e in d.entries], "published": [e.published for e in d.entries]}))',
    ].join('\n')
    const unicode = `/categories/${encodeURIComponent('ünïcödé')}/feed.xml`
    const atoms = ['/atom.xml', '/categories/guides/atom.xml', '/tags/intro/atom.xml', '/series/getting-started/atom.xml']
    for (const pathname of [
      '/feed.xml',
      '/categories/guides/feed.xml',
      '/categories/rd-lab-notes/feed.xml',
      '/series/getting-started/feed.xml',
      '/tags/intro/feed.xml',
      unicode,
      ...atoms,
    ]) {
      const run = spawnSync(python!, ['-c', script], { input: (await get(pathname)).text, encoding: 'utf8' })
      expect(run.status, run.stderr).toBe(0)
      const result = JSON.parse(run.stdout)
      expect({ pathname, bozo: result.bozo, error: result.error, version: result.version }).toEqual({
        pathname,
        bozo: 0,
        error: '',
        version: atoms.includes(pathname) ? 'atom10' : 'rss20',
      })
      if (pathname === '/feed.xml' || pathname === '/atom.xml')
        expect(result.titles).toEqual(['Second post', 'Hello & welcome', SPECIAL_TITLE])
      if (pathname === '/feed.xml') expect(result.published[1]).toBe('Fri, 21 Mar 2025 13:48:21 GMT')
      if (pathname === unicode) expect(result.titles).toEqual(['日本語の記事'])
    }
  })
})
