import type { MDXComponents } from 'mdx/types'
import { createElement } from 'react'
import RSS from 'rss'

import { getContent, postCode, type Post, type SiteConfig } from './content'
import { newestFirst } from './content/dates'
import { evaluatePost } from './content/run'
import { feedSafeHtml, imageHtml } from './feed-html'
import { FEED_FORMATS, feedPage, feedPath, type FeedFormat, type FeedOwner } from './routes'
import { absoluteUrl, lastChanged, newestChange, SITE_IMAGE } from './urls'
import { stripNotXml } from './xml-chars'

/** What one feed holds: the site's posts, or one list's share of them. */
export interface FeedSpec {
  site: SiteConfig
  /** Published posts newest first (lib/content's published lists); the excess is left out here. */
  posts: Post[]
  /** Whose feed it is: its page and its path in each format follow from this. */
  owner: FeedOwner
  title: string
  description: string
}

// Each post's feed HTML, rendered once per process however many feeds carry it. Keyed by the Post
// object, which lives as long as one load of the content (a build; an edit in next dev); on
// globalThis because Next may load this module more than once.
const htmlCache: WeakMap<Post, Promise<string>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('inkwell.feedHtml')] ??=
  new WeakMap()) as never

/**
 * A post's full text as feed-safe HTML, with absolute URLs on the site URL. `components` is the
 * registry as feeds use it (components/feed), passed in by the route: lib/ does not import components/.
 */
export function postFeedHtml(post: Post, site: SiteConfig, components: MDXComponents): Promise<string> {
  let html = htmlCache.get(post)
  if (!html) {
    html = renderPostHtml(post, site, components)
    htmlCache.set(post, html)
  }
  return html
}

async function renderPostHtml(post: Post, site: SiteConfig, components: MDXComponents): Promise<string> {
  // Imported here, not at the top: Next refuses react-dom/server in modules a page could import.
  const { renderToStaticMarkup } = await import('react-dom/server')
  const Content = evaluatePost(postCode(post), components)
  const url = absoluteUrl(site.url, post.url)
  const body = feedSafeHtml(renderToStaticMarkup(createElement(Content)), url)
  const cover = post.cover ? imageHtml(absoluteUrl(site.url, post.cover.url), post.cover.width, post.cover.height) : ''
  return cover + body
}

/** A feed in `format` (RSS 2.0, Atom 1.0 or JSON Feed 1.1), each post's full text included. */
export async function renderFeed(spec: FeedSpec, components: MDXComponents, format: FeedFormat = 'rss'): Promise<string> {
  const items = spec.posts.slice(0, spec.site.feedItems)
  const entries = await Promise.all(items.map(async (post) => ({ post, html: await postFeedHtml(post, spec.site, components) })))
  const feed = { ...spec, entries, url: (path: string) => absoluteUrl(spec.site.url, path), newest: newestChange(items) }
  const text = format === 'atom' ? atom(feed) : format === 'json' ? jsonFeed(feed) : rss(feed)
  // The check refuses such characters in posts; one that still gets here (from an expression,
  // say) must not make the whole feed unreadable for every subscriber.
  return stripNotXml(text)
}

interface Built extends FeedSpec {
  entries: { post: Post; html: string }[]
  url: (path: string) => string
  /** The newest change among the items: the feed's date, never the clock (a rebuild gives the same file). */
  newest?: Date
}

const termsOf = (post: Post) => [...new Set([...post.categories, ...post.tags])]

function rss({ site, owner, title, description, entries, url, newest }: Built): string {
  const feed = new RSS({
    title,
    description,
    site_url: url(feedPage(owner)),
    feed_url: url(feedPath(owner, 'rss')),
    image_url: url(SITE_IMAGE.path),
    language: site.language,
    copyright: site.copyright,
    generator: 'Inkwell',
  })
  for (const { post, html } of entries) {
    feed.item({
      title: post.title,
      description: post.summary,
      url: url(post.url),
      categories: termsOf(post),
      author: post.author.name,
      date: post.date,
      custom_elements: [{ 'content:encoded': { _cdata: html } }],
    })
  }
  // rss 1.2.2 always stamps lastBuildDate with the clock. The channel's element comes before every
  // item, so the first match is it.
  return feed.xml().replace(/<lastBuildDate>[^<]*<\/lastBuildDate>/, newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '')
}

const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function atom({ site, owner, title, description, entries, url, newest }: Built): string {
  const self = url(feedPath(owner, 'atom'))
  const person = (name: string) => `<author><name>${xml(name)}</name></author>`
  const entry = ({ post, html }: Built['entries'][number]) =>
    [
      '<entry>',
      `<title>${xml(post.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(url(post.url))}"/>`,
      `<id>${xml(url(post.url))}</id>`,
      `<published>${post.date.toISOString()}</published>`,
      `<updated>${lastChanged(post).toISOString()}</updated>`,
      person(post.author.name),
      ...termsOf(post).map((term) => `<category term="${xml(term)}"/>`),
      `<summary>${xml(post.summary)}</summary>`,
      `<content type="html">${xml(html)}</content>`,
      '</entry>',
    ].join('')
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(site.language)}">`,
    `<title>${xml(title)}</title>`,
    `<subtitle>${xml(description)}</subtitle>`,
    `<link rel="alternate" type="text/html" href="${xml(url(feedPage(owner)))}"/>`,
    `<link rel="self" type="${FEED_FORMATS.atom.type}" href="${xml(self)}"/>`,
    `<id>${xml(self)}</id>`,
    // Atom needs a date even for a feed with no entries yet: then the start of time, never the clock.
    `<updated>${(newest ?? new Date(0)).toISOString()}</updated>`,
    `<generator>Inkwell</generator>`,
    `<logo>${xml(url(SITE_IMAGE.path))}</logo>`,
    site.copyright ? `<rights>${xml(site.copyright)}</rights>` : '',
    ...entries.map(entry),
    '</feed>',
    '',
  ].join('\n')
}

function jsonFeed({ site, owner, title, description, entries, url }: Built): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: url(feedPage(owner)),
    feed_url: url(feedPath(owner, 'json')),
    description,
    icon: url(SITE_IMAGE.path),
    language: site.language,
    items: entries.map(({ post, html }) => ({
      id: url(post.url),
      url: url(post.url),
      title: post.title,
      summary: post.summary,
      content_html: html,
      date_published: post.date.toISOString(),
      date_modified: lastChanged(post).toISOString(),
      authors: [{ name: post.author.name }],
      tags: termsOf(post),
      ...(post.cover ? { image: url(post.cover.url) } : {}),
    })),
  }
  return `${JSON.stringify(feed, null, 2)}\n`
}

/** The response for a feed route, with its format's media type. */
export async function feedResponse(spec: FeedSpec, components: MDXComponents, format: FeedFormat = 'rss'): Promise<Response> {
  return new Response(await renderFeed(spec, components, format), {
    headers: { 'Content-Type': `${FEED_FORMATS[format].type}; charset=utf-8` },
  })
}

/** The site feed: every post. */
export function siteFeed(site: SiteConfig, posts: Post[]): FeedSpec {
  return { site, posts, owner: { kind: 'site' }, title: site.title, description: site.description }
}

const LIST_WORDS = { categories: 'Posts in', tags: 'Posts tagged', series: 'The series', authors: 'Posts by' } as const

/** The feed of one list of published posts (a category, tag, series or author), or undefined for none. */
export async function listFeed(kind: keyof typeof LIST_WORDS, slug: string): Promise<FeedSpec | undefined> {
  const { site, published } = await getContent()
  const entry = (kind === 'authors' ? published.byAuthor : published[kind]).find((e: { slug: string }) => e.slug === slug)
  if (!entry) return undefined
  return {
    site,
    // Every feed is newest first, a series too (its page lists the parts in reading order).
    posts: newestFirst(entry.posts),
    owner: { kind, slug },
    title: `${site.title}: ${kind === 'tags' ? '#' : ''}${entry.name}`,
    description: `${LIST_WORDS[kind]} ${entry.name}, from ${site.title}.`,
  }
}
