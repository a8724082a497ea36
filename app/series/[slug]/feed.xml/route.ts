import { getContent, getSeries } from '@/lib/content'
import { feedResponse, seriesFeed } from '@/lib/feed'
import { NO_SLUG, staticParams } from '@/lib/static-params'

export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return staticParams(
    (await getContent()).series.map((s) => ({ slug: s.slug })),
    { slug: NO_SLUG },
  )
}

export async function GET(_request: Request, { params }: RouteContext<'/series/[slug]/feed.xml'>) {
  const { site } = await getContent()
  const entry = await getSeries((await params).slug)
  if (!entry) return new Response('Not found', { status: 404 })
  return feedResponse(seriesFeed(site, entry))
}
