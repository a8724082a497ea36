import type { MetadataRoute } from 'next'

import { paginate, type Content, type Post } from './content'
import { absoluteUrl, lastChanged, newestChange, publicPosts } from './urls'

/**
 * Every page of the site for /sitemap.xml, each dated by the newest post it shows (`updated`,
 * else `date`), never by the build: a rebuild of unchanged content gives the same sitemap.
 * `staticPages` are the app's pages without content (/about); they carry no date.
 */
export function sitemapEntries(
  content: Pick<Content, 'site' | 'posts' | 'categories' | 'tags' | 'series'>,
  staticPages: string[],
): MetadataRoute.Sitemap {
  const { site } = content
  const posts = publicPosts(content.posts)
  const entries = new Map<string, Date | undefined>()
  const add = (path: string, date: Date | undefined) => entries.set(path, date)
  const addPaged = (base: string, list: Post[]) => {
    const { pages } = paginate(list, 1, site.postsPerPage)
    for (let page = 1; page <= pages; page++) {
      add(page === 1 ? base || '/' : `${base}/page/${page}`, newestChange(paginate(list, page, site.postsPerPage).items))
    }
  }

  addPaged('', posts)
  for (const post of posts) add(post.url, lastChanged(post))
  for (const kind of ['categories', 'tags'] as const) {
    add(`/${kind}`, newestChange(posts))
    for (const term of content[kind]) {
      const list = publicPosts(term.posts)
      if (list.length) addPaged(`/${kind}/${term.slug}`, list)
    }
  }
  add('/series', newestChange(posts))
  for (const series of content.series) {
    const list = publicPosts(series.posts)
    if (list.length) add(`/series/${series.slug}`, newestChange(list))
  }
  add('/archive', newestChange(posts))
  for (const page of staticPages) if (!entries.has(page)) add(page, undefined)

  return [...entries].map(([path, date]) => ({ url: absoluteUrl(site.url, path), ...(date ? { lastModified: date } : {}) }))
}
