import { feedComponents } from '@/components/feed'
import { getContent } from '@/lib/content'
import { feedResponse, listFeed, siteFeed } from '@/lib/feed'
import { FEED_FORMATS, feedFormat, type FeedFormat } from '@/lib/routes'
import { NO_SLUG, staticParams } from '@/lib/static-params'
import { fromParam } from '@/lib/urls'

// The feed routes: the site's three (/feed.xml, /atom.xml, /feed.json) and the three beside every
// category, tag, series and author page (/<kind>/<slug>/<feed.xml|atom.xml|feed.json>). The feed
// registry of components is chosen here, in app/: lib/feed renders whatever it is given.

type ListKind = 'categories' | 'tags' | 'series' | 'authors'
const FILES = (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => FEED_FORMATS[format].file)

/** The site feed in `format`. */
export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  const { site, published } = await getContent()
  return feedResponse(siteFeed(site, published.posts), feedComponents, format)
}

/** Static params of a list's feed route: every list of the kind, in every format. */
export async function listFeedParams(kind: ListKind) {
  const content = await getContent()
  const lists = kind === 'authors' ? content.byAuthor : content[kind]
  return staticParams(
    lists.flatMap(({ slug }) => FILES.map((feed) => ({ slug, feed }))),
    { slug: NO_SLUG, feed: FILES[0]! },
  )
}

/** A list's feed in the format its file name asks for. */
export async function listFeedResponse(kind: ListKind, params: Promise<{ slug: string; feed: string }>): Promise<Response> {
  const { slug, feed } = await params
  const format = feedFormat(feed)
  const spec = format && (await listFeed(kind, fromParam(slug)))
  if (!format || !spec) return new Response('Not found', { status: 404 })
  return feedResponse(spec, feedComponents, format)
}
