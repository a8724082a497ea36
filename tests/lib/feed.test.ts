import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import type { Post, SiteConfig } from '@/lib/content'
import { compilePost } from '@/lib/content/mdx'
import { renderFeed, siteFeed } from '@/lib/feed'

const site = { title: 'T & Co', description: 'D', url: 'https://blog.example.com', language: 'nl', feedItems: 2 } as SiteConfig

async function post(slug: string, date: string, body: string, extra: Partial<Post> = {}): Promise<Post> {
  const { code, problems } = await compilePost(body, { file: `/tmp/${slug}.mdx`, dir: '/tmp', assetBase: `/posts/${slug}`, publicDir: '/tmp' })
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
    const posts = [
      await post('draft', '2025-05-01T00:00:00Z', 'Draft.', { unpublished: 'draft' }),
      await post('c', '2025-04-01T00:00:00Z', 'C\n\n<Admonition type="tip">Careful</Admonition>', { updated: new Date('2025-04-10T00:00:00Z') }),
      await post('b', '2025-03-01T00:00:00Z', 'B'),
      await post('a', '2025-02-01T00:00:00Z', 'A'),
    ]
    const xml = await renderFeed(siteFeed(site, posts))
    expect(await renderFeed(siteFeed(site, posts))).toBe(xml)
    const feed = await new Parser({ customFields: { feed: ['lastBuildDate'], item: [['content:encoded', 'html']] } }).parseString(xml)
    expect(feed.title).toBe('T & Co')
    expect(feed.lastBuildDate).toBe('Thu, 10 Apr 2025 00:00:00 GMT')
    expect(feed.items.map((i) => i.link)).toEqual(['https://blog.example.com/posts/c', 'https://blog.example.com/posts/b'])
    expect(feed.items[0]!.html).toBe('<p>C</p>\n<blockquote><p><strong>Tip</strong></p>Careful</blockquote>')
  })

  it('writes no lastBuildDate for a feed without items', async () => {
    const xml = await renderFeed(siteFeed(site, []))
    expect(xml).not.toContain('lastBuildDate')
    expect(xml).toContain('<title><![CDATA[T & Co]]></title>')
  })
})
