import { expect, it } from 'vitest'

import type { Post, SiteConfig } from '@/lib/content'
import { publishedView } from '@/lib/content/published'
import { sitemapEntries } from '@/lib/sitemap'

const site = { url: 'https://blog.example.com', postsPerPage: 1 } as SiteConfig
const post = (slug: string, date: string, extra: Partial<Post> = {}) =>
  ({ slug, url: `/posts/${slug}`, date: new Date(date), categories: [], tags: [], ...extra }) as Post

it('dates each page by the newest change it shows, leaves out unpublished posts, and never uses the clock', () => {
  const a = post('a', '2025-01-01T00:00:00Z', { updated: new Date('2025-06-01T00:00:00Z') })
  const b = post('b', '2025-03-01T00:00:00Z')
  const draft = post('draft', '2025-09-01T00:00:00Z', { unpublished: 'draft' })
  const lists = {
    posts: [draft, b, a],
    categories: [{ name: 'N', slug: 'n', posts: [draft] }],
    tags: [{ name: 'T', slug: 't', posts: [b, a] }],
    series: [],
    byAuthor: [],
  }
  const entries = sitemapEntries({ site, published: publishedView(lists) }, ['/about', '/archive'])
  const byPath = Object.fromEntries(
    entries.map((e) => [e.url.replace(site.url, ''), e.lastModified && (e.lastModified as Date).toISOString()]),
  )
  expect(byPath).toEqual({
    '/': '2025-03-01T00:00:00.000Z',
    '/page/2': '2025-06-01T00:00:00.000Z',
    '/posts/b': '2025-03-01T00:00:00.000Z',
    '/posts/a': '2025-06-01T00:00:00.000Z',
    '/categories': '2025-06-01T00:00:00.000Z',
    '/tags': '2025-06-01T00:00:00.000Z',
    '/tags/t': '2025-03-01T00:00:00.000Z',
    '/tags/t/page/2': '2025-06-01T00:00:00.000Z',
    '/series': '2025-06-01T00:00:00.000Z',
    '/authors': '2025-06-01T00:00:00.000Z',
    '/archive': '2025-06-01T00:00:00.000Z',
    '/about': undefined,
  })
})
