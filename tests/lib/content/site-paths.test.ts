import { describe, expect, it } from 'vitest'
import { sitePaths } from '@/lib/content/site-paths'

// The URL scheme of one build, from plain data: only the fields sitePaths reads.
const posts = ['a', 'b', 'c'].map((slug) => ({ url: `/posts/${slug}`, assets: slug === 'a' ? [{ url: '/posts/a/caf%C3%A9.png' }] : [] }))
const term = (slug: string, n: number) => ({ slug, posts: posts.slice(0, n) })
const none = { posts: [], categories: [], tags: [], series: [], byAuthor: [], pages: [] }

describe('sitePaths', () => {
  it('lists every page, paginated list, feed and post image of the build, decoded', () => {
    const paths = sitePaths({ postsPerPage: 2, posts, categories: [term('notes', 3)], tags: [term('css', 1)], series: [{ slug: 'trip', posts: [] }], byAuthor: [{ slug: 'ada', posts: posts.slice(0, 1) }], pages: ['/about'] })
    const feeds = (base: string) => [`${base}/feed.xml`, `${base}/atom.xml`, `${base}/feed.json`]
    expect([...paths].sort()).toEqual(
      [
        ...['/', '/archive', '/categories', '/tags', '/series', '/authors', '/sitemap.xml', '/robots.txt', '/about'],
        ...feeds(''),
        '/page/2',
        ...['/categories/notes', '/categories/notes/page/2', ...feeds('/categories/notes')],
        ...['/tags/css', ...feeds('/tags/css')],
        ...['/series/trip', ...feeds('/series/trip')],
        ...['/authors/ada', ...feeds('/authors/ada')],
        ...['/posts/a', '/posts/a/café.png', '/posts/b', '/posts/c'],
      ].sort(),
    )
  })

  it('has the first page of a list even when the list is empty, and no second one', () => {
    const paths = sitePaths({ ...none, postsPerPage: 10, categories: [term('empty', 0)] })
    expect(paths.has('/categories/empty')).toBe(true)
    expect([...paths].filter((p) => p.includes('/page/'))).toEqual([])
  })
})
