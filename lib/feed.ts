import { createElement } from 'react'
import RSS from 'rss'

import { feedComponents } from '@/components/feed'
import type { Post, SeriesEntry, SiteConfig, Term } from './content'
import { evaluatePost } from './content/run'
import { feedSafeHtml, imageHtml } from './feed-html'
import { absoluteUrl, feedPath, newestChange, publicPosts, SITE_IMAGE } from './urls'
import { stripNotXml } from './xml-chars'

/** What one feed holds: the site's, or a category's or series' share of it. */
export interface FeedSpec {
  site: SiteConfig
  /** Posts newest first, as lib/content lists them; unpublished ones and the excess are left out here. */
  posts: Post[]
  /** Path of the feed itself, such as /feed.xml. */
  path: string
  /** Path of the page the feed follows, such as /categories/guides. */
  page: string
  title: string
  description: string
}

// Each post's feed HTML, rendered once per process however many feeds carry it. Keyed by the Post
// object, which lives as long as one load of the content (a build; an edit in next dev); on
// globalThis because Next may load this module more than once.
const htmlCache: WeakMap<Post, Promise<string>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('inkwell.feedHtml')] ??=
  new WeakMap()) as never

/** A post's full text as feed-safe HTML, with absolute URLs on the site URL. */
export function postFeedHtml(post: Post, site: SiteConfig): Promise<string> {
  let html = htmlCache.get(post)
  if (!html) {
    html = renderPostHtml(post, site)
    htmlCache.set(post, html)
  }
  return html
}

async function renderPostHtml(post: Post, site: SiteConfig): Promise<string> {
  // Imported here, not at the top: Next refuses react-dom/server in modules a page could import.
  const { renderToStaticMarkup } = await import('react-dom/server')
  const Content = evaluatePost(post.code, feedComponents)
  const url = absoluteUrl(site.url, post.url)
  const body = feedSafeHtml(renderToStaticMarkup(createElement(Content)), url)
  const cover = post.cover ? imageHtml(absoluteUrl(site.url, post.cover.url), post.cover.width, post.cover.height) : ''
  return cover + body
}

/** RSS 2.0 with the full text of each post in content:encoded. */
export async function renderFeed({ site, posts, path, page, title, description }: FeedSpec): Promise<string> {
  const items = publicPosts(posts).slice(0, site.feedItems)
  const feed = new RSS({
    title,
    description,
    site_url: absoluteUrl(site.url, page),
    feed_url: absoluteUrl(site.url, path),
    image_url: absoluteUrl(site.url, SITE_IMAGE.path),
    language: site.language,
    copyright: site.copyright,
    generator: 'Inkwell',
  })
  for (const post of items) {
    feed.item({
      title: post.title,
      description: post.summary,
      url: absoluteUrl(site.url, post.url),
      categories: [...new Set([...post.categories, ...post.tags])],
      author: post.author.name,
      date: post.date,
      custom_elements: [{ 'content:encoded': { _cdata: await postFeedHtml(post, site) } }],
    })
  }
  const newest = newestChange(items)
  // rss 1.2.2 always stamps lastBuildDate with the clock; the feed last changed when its newest
  // item did, and a rebuild of the same content must give the same file. The channel's element
  // comes before every item, so the first match is it.
  const xml = feed
    .xml()
    .replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '')
  // The check refuses such characters in posts; one that still gets here (from an expression,
  // say) must not make the whole feed unreadable for every subscriber.
  return stripNotXml(xml)
}

/** The response for a feed route. */
export async function feedResponse(spec: FeedSpec): Promise<Response> {
  return new Response(await renderFeed(spec), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })
}

/** The site feed: every post. */
export function siteFeed(site: SiteConfig, posts: Post[]): FeedSpec {
  return { site, posts, path: feedPath.site, page: '/', title: site.title, description: site.description }
}

/** A category's feed: its posts. */
export function categoryFeed(site: SiteConfig, category: Term<Post>): FeedSpec {
  return {
    site,
    posts: category.posts,
    path: feedPath.category(category.slug),
    page: `/categories/${category.slug}`,
    title: `${site.title}: ${category.name}`,
    description: `Posts in ${category.name}, from ${site.title}.`,
  }
}

/** A series' feed: its parts, newest first like every feed (the series page lists them in reading order). */
export function seriesFeed(site: SiteConfig, series: SeriesEntry): FeedSpec {
  return {
    site,
    posts: [...series.posts].sort((a, b) => b.date.getTime() - a.date.getTime()),
    path: feedPath.series(series.slug),
    page: `/series/${series.slug}`,
    title: `${site.title}: ${series.name}`,
    description: `The series ${series.name}, from ${site.title}.`,
  }
}
