import { safeDecode } from '../urls'
import { FEED_FORMATS, feedPath, listPages, pagePath, type FeedFormat, type FeedOwner, type Lists } from '../routes'

/** What the paths of a build are made from: the lists, the posts' images, and pages not made from content. */
export interface SiteShape extends Lists<{ url: string; assets: { url: string }[] }> {
  /** Paths of pages not made from content (`/about`). */
  pages: string[]
}

/**
 * Every path this build serves, decoded: pages, list pages, feeds and post images (not aliases).
 * Links are checked against it, and aliases must not claim any of it.
 */
export function sitePaths(shape: SiteShape): Set<string> {
  const paths = new Set([pagePath.sitemap, pagePath.robots, ...shape.pages])
  for (const page of listPages(shape)) paths.add(page.path)
  const owners: FeedOwner[] = [
    { kind: 'site' },
    ...(['categories', 'tags', 'series'] as const).flatMap((kind) => shape[kind].map(({ slug }) => ({ kind, slug }))),
    ...shape.byAuthor.map(({ slug }) => ({ kind: 'authors' as const, slug })),
  ]
  for (const owner of owners) for (const format of Object.keys(FEED_FORMATS) as FeedFormat[]) paths.add(feedPath(owner, format))
  for (const post of shape.posts) {
    paths.add(post.url)
    for (const asset of post.assets) paths.add(safeDecode(asset.url))
  }
  return paths
}

/** A path without its trailing slash, as the site serves it (`/a/` and `/a` are one page). */
export const plainPath = (pathname: string) => pathname.replace(/(.)\/+$/, '$1')
