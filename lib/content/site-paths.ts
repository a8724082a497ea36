import { feedPath, pagePath, safeDecode } from '../urls'

/** What the paths of a build are made from: only the fields they need. */
export interface SiteShape {
  postsPerPage: number
  posts: { url: string; assets: { url: string }[] }[]
  categories: { slug: string; posts: unknown[] }[]
  tags: { slug: string; posts: unknown[] }[]
  series: { slug: string }[]
  /** Paths of pages not made from content (`/about`). */
  pages: string[]
}

/**
 * Every path this build serves, decoded: pages, paginated lists, feeds and post images (not
 * aliases). Links are checked against it, and aliases must not claim any of it.
 */
export function sitePaths({ postsPerPage, posts, categories, tags, series, pages }: SiteShape): Set<string> {
  const paths = new Set(['/', '/archive', '/categories', '/tags', '/series', feedPath.site, '/sitemap.xml', '/robots.txt', ...pages])
  const addPaged = (base: string, n: number) => {
    for (let page = 1; page === 1 || page <= Math.ceil(n / postsPerPage); page++) paths.add(pagePath.paged(base, page))
  }
  addPaged('', posts.length)
  for (const term of categories) {
    addPaged(pagePath.term('categories', term.slug), term.posts.length)
    paths.add(feedPath.category(term.slug))
  }
  for (const term of tags) addPaged(pagePath.term('tags', term.slug), term.posts.length)
  for (const entry of series) {
    paths.add(pagePath.series(entry.slug))
    paths.add(feedPath.series(entry.slug))
  }
  for (const post of posts) {
    paths.add(post.url)
    for (const asset of post.assets) paths.add(safeDecode(asset.url))
  }
  return paths
}

/** A path without its trailing slash, as the site serves it (`/a/` and `/a` are one page). */
export const plainPath = (pathname: string) => pathname.replace(/(.)\/+$/, '$1')
