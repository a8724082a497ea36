import path from 'node:path'
import type { Post, PostLink } from './load'
import type { Problem } from './problems'
import { relatedPosts } from './taxonomy'

/**
 * The loaded posts (undefined: a file with errors), each slug once: a second post with a slug
 * already used is reported and left out (`x.mdx` and `x/index.mdx`, or two folders that differ
 * in case on some disks).
 */
export function uniqueSlugs<T extends { post: Post }>(loaded: (T | undefined)[], problems: Problem[]): T[] {
  const bySlug = new Map<string, T>()
  for (const entry of loaded) {
    if (!entry) continue
    const { slug, file } = entry.post
    const other = bySlug.get(slug)
    if (!other) bySlug.set(slug, entry)
    else {
      const message = `slug "${slug}" is already used by ${path.relative(process.cwd(), other.post.file)} (rename one of them; each post needs its own URL)`
      problems.push({ severity: 'error', file, line: 1, column: 1, message })
    }
  }
  return [...bySlug.values()]
}

/** The posts this build shows, newest first (the same instant: by slug): drafts and scheduled posts only when included. */
export function inThisBuild<T extends { post: Post }>(entries: T[], includeDrafts: boolean): T[] {
  return entries
    .filter((e) => includeDrafts || !e.post.unpublished)
    .sort((a, b) => b.post.date.getTime() - a.post.date.getTime() || a.post.slug.localeCompare(b.post.slug))
}

/** A post as another page links to it. */
export const postLink = (p: Post): PostLink => ({ slug: p.slug, title: p.title, url: p.url })

/** Links each post of a newest-first list to its neighbours: the next (newer) one is before it. */
export function linkNeighbours(posts: Post[]): void {
  posts.forEach((post, i) => {
    post.next = posts[i - 1] && postLink(posts[i - 1]!)
    post.previous = posts[i + 1] && postLink(posts[i + 1]!)
  })
}

/**
 * Inside a series, previous and next are the parts either side (where there is one), not the
 * posts written just before and after. Run once series are known.
 */
export function followSeries(posts: Post[]): void {
  for (const post of posts) {
    const info = post.seriesInfo
    if (!info) continue
    post.previous = info.parts[info.part - 2] ?? post.previous
    post.next = info.parts[info.part] ?? post.next
  }
}

/**
 * Links each post to up to three others sharing the most tags and categories, leaving out its own
 * series: the series box already lists those.
 */
export function linkRelated(posts: Post[]): void {
  const sameSeries = (a: Post, b: Post) => a.seriesInfo !== undefined && a.seriesInfo.slug === b.seriesInfo?.slug
  const related = relatedPosts(posts, 3, sameSeries)
  for (const post of posts) post.related = (related.get(post) ?? []).map(postLink)
}
