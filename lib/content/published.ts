import type { Content, Post } from './load'

/** The lists the public sees: feeds, the sitemap, structured data and comments use these. */
export type Published = Pick<Content, 'posts' | 'categories' | 'tags' | 'series' | 'byAuthor'>

/**
 * The one place drafts and scheduled posts are left out. In dev and previews the site's lists
 * show them, badged; what leaves the site (feeds, sitemap, JSON-LD, comments) shows only
 * published posts (a term or series with none keeps its entry, empty, so lookups agree with the
 * pages). A build without unpublished posts gets the same lists back.
 */
export function publishedView(lists: Published): Published {
  if (!lists.posts.some((post) => post.unpublished)) return lists
  const keep = (posts: Post[]) => posts.filter((post) => !post.unpublished)
  const withPosts = <T extends { posts: Post[] }>(entries: T[]) => entries.map((entry) => ({ ...entry, posts: keep(entry.posts) }))
  return {
    posts: keep(lists.posts),
    categories: withPosts(lists.categories),
    tags: withPosts(lists.tags),
    series: withPosts(lists.series),
    byAuthor: withPosts(lists.byAuthor),
  }
}
