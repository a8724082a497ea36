import RSS from 'rss'

import type { SiteConfig } from '@/lib/content'
import { commentPaths } from '@/lib/routes'
import { absoluteUrl } from '@/lib/urls'
import { toPublic, type CommentRow } from './store'

/** An RSS 2.0 feed of approved comments, newest first; `post` narrows it to one post's. */
export function commentFeed(
  site: SiteConfig,
  rows: CommentRow[],
  titles: Map<string, { title: string; url: string }>,
  post?: { title: string; url: string },
): string {
  const feedPath = post ? commentPaths.postFeed(post) : commentPaths.feed
  const feed = new RSS({
    title: post ? `Comments on ${post.title} · ${site.title}` : `Comments · ${site.title}`,
    description: post ? `New comments on “${post.title}”.` : `New comments on ${site.title}.`,
    site_url: absoluteUrl(site.url, post ? post.url : '/'),
    feed_url: absoluteUrl(site.url, feedPath),
    language: site.language,
    ttl: 30,
  })
  for (const row of rows) {
    const target = titles.get(row.post)
    if (!target) continue
    feed.item({
      title: `${row.name} on ${target.title}`,
      description: toPublic(row).html,
      url: `${absoluteUrl(site.url, target.url)}#${commentPaths.anchor(row.id)}`,
      guid: absoluteUrl(site.url, `${target.url}#${commentPaths.anchor(row.id)}`),
      author: row.name,
      date: row.createdAt,
    })
  }
  return feed.xml({ indent: true })
}

/** A feed as an HTTP response, never cached for long: comments arrive at any time. */
export function commentFeedResponse(xml: string): Response {
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } })
}
