import type { Post } from './content'

/** `path` (starting with /) as an absolute URL on the site; the site URL already honours SITE_URL. */
export function absoluteUrl(siteUrl: string, path = '/'): string {
  return `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`
}

/** Posts the public may see: drafts and scheduled posts exist only in dev and previews, never in feeds or the sitemap. */
export function publicPosts(posts: Post[]): Post[] {
  return posts.filter((post) => !post.unpublished)
}

/** When a post last changed: its `updated` date, else its publication date. */
export function lastChanged(post: Post): Date {
  return post.updated ?? post.date
}

/** The latest change among `posts`, or undefined for none. */
export function newestChange(posts: Post[]): Date | undefined {
  const times = posts.map((post) => lastChanged(post).getTime())
  return times.length ? new Date(Math.max(...times)) : undefined
}

/** Where a page's feed lives: the site's, a category's or a series'. */
export const feedPath = {
  site: '/feed.xml',
  category: (slug: string) => `/categories/${slug}/feed.xml`,
  series: (slug: string) => `/series/${slug}/feed.xml`,
}

/** The social image of a post: its cover when social sites can show it, else the generated card. */
export function socialImage(post: Pick<Post, 'slug' | 'cover'>): { path: string; width: number; height: number } {
  if (post.cover && /\.(png|jpe?g|gif|webp)$/i.test(post.cover.url)) {
    return { path: post.cover.url, width: post.cover.width, height: post.cover.height }
  }
  return { path: `/og/${post.slug}.png`, width: OG_SIZE.width, height: OG_SIZE.height }
}

/** Size of generated social images: what OpenGraph consumers expect for a large card. */
export const OG_SIZE = { width: 1200, height: 630 }

/** The generated card for pages that are not posts. */
export const SITE_IMAGE = { path: '/og.png', ...OG_SIZE }
