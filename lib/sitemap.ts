import type { MetadataRoute } from 'next'

import type { Content } from './content'
import { listPages, pagePath } from './routes'
import { absoluteUrl, lastChanged, newestChange } from './urls'

/**
 * Every page of the site for /sitemap.xml, each dated by the newest post it shows (`updated`,
 * else `date`), never by the build: a rebuild of unchanged content gives the same sitemap.
 * Only published posts count, and lists without any are left out. `staticPages` are the app's
 * pages without content (/about); they carry no date.
 */
export function sitemapEntries(content: Pick<Content, 'site' | 'published'>, staticPages: string[]): MetadataRoute.Sitemap {
  const { site, published } = content
  const entries = new Map<string, Date | undefined>()
  const lists = listPages({ postsPerPage: site.postsPerPage, ...published })
  // The home page is there even before the first post; other lists only with posts.
  for (const page of lists) if (page.posts.length || page.path === pagePath.home()) entries.set(page.path, newestChange(page.posts))
  for (const post of published.posts) entries.set(post.url, lastChanged(post))
  for (const page of staticPages) if (!entries.has(page)) entries.set(page, undefined)
  return [...entries].map(([path, date]) => ({ url: absoluteUrl(site.url, path), ...(date ? { lastModified: date } : {}) }))
}
