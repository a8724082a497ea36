import { JSDOM } from 'jsdom'
import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'

import { feedComponents } from '@/components/feed'
import type { Post, SiteConfig } from '@/lib/content'
import { compilePost } from '@/lib/content/mdx'
import { publishedView } from '@/lib/content/published'
import { renderFeed, siteFeed } from '@/lib/feed'
import { NOT_XML } from '@/lib/xml-chars'

const site = { title: 'T & Co', description: 'D', url: 'https://blog.example.com', language: 'nl', feedItems: 2 } as SiteConfig

async function post(slug: string, date: string, body: string, extra: Partial<Post> = {}): Promise<Post> {
  const { code, problems } = await compilePost(body, {
    file: `/tmp/${slug}.mdx`,
    dir: '/tmp',
    assetBase: `/posts/${slug}`,
    publicDir: '/tmp',
  })
  expect(problems).toEqual([])
  return {
    slug,
    url: `/posts/${slug}`,
    title: slug,
    summary: `Summary of ${slug}`,
    date: new Date(date),
    categories: [],
    tags: [],
    author: { name: 'A', links: [] },
    code,
    ...extra,
  } as Post
}

describe('renderFeed', () => {
  it('keeps the newest feedItems public posts, dated by content, the same on every render', async () => {
    // What lib/content hands the feed routes: its published lists.
    const all = [
      await post('draft', '2025-05-01T00:00:00Z', 'Draft.', { unpublished: 'draft' }),
      await post('c', '2025-04-01T00:00:00Z', 'C\n\n<Admonition type="tip">Careful</Admonition>', {
        updated: new Date('2025-04-10T00:00:00Z'),
      }),
      await post('b', '2025-03-01T00:00:00Z', 'B'),
      await post('a', '2025-02-01T00:00:00Z', 'A'),
    ]
    const { posts } = publishedView({ posts: all, categories: [], tags: [], series: [], byAuthor: [] })
    const xml = await renderFeed(siteFeed(site, posts), feedComponents)
    expect(await renderFeed(siteFeed(site, posts), feedComponents)).toBe(xml)
    const feed = await new Parser({ customFields: { feed: ['lastBuildDate'], item: [['content:encoded', 'html']] } }).parseString(xml)
    expect(feed.title).toBe('T & Co')
    expect(feed.lastBuildDate).toBe('Thu, 10 Apr 2025 00:00:00 GMT')
    expect(feed.items.map((i) => i.link)).toEqual(['https://blog.example.com/posts/c', 'https://blog.example.com/posts/b'])
    expect(feed.items[0]!.html).toBe('<p>C</p>\n<blockquote><p><strong>Tip</strong></p>Careful</blockquote>')
  })

  it('is valid XML whatever characters reach it, and links posts in any script by percent-encoded URLs', async () => {
    // The check refuses these in posts; an expression can still produce one, so the feed drops them.
    const bad = await post('日本語', '2025-04-01T00:00:00Z', 'Bell {"\\u0007"} and {"\\uFFFE"} and {"\\uD800"}.', {
      title: 'Ring\u0007 \uDC00ring',
      summary: 'S\u001b',
    })
    const xml = await renderFeed(siteFeed(site, [bad]), feedComponents)
    expect(xml.match(NOT_XML)).toBeNull()
    const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(doc.querySelector('item > title')?.textContent).toBe('Ring ring')
    expect(doc.querySelector('item > link')?.textContent).toBe('https://blog.example.com/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E')
    const feed = await new Parser({ customFields: { item: [['content:encoded', 'html']] } }).parseString(xml)
    expect(feed.items[0]!.html).toBe('<p>Bell  and  and .</p>')
  })

  it('writes no lastBuildDate for a feed without items', async () => {
    const xml = await renderFeed(siteFeed(site, []), feedComponents)
    expect(xml).not.toContain('lastBuildDate')
    expect(xml).toContain('<title><![CDATA[T & Co]]></title>')
  })
})
