import { getContent, getTerm } from '@/lib/content'
import { categoryFeed, feedResponse } from '@/lib/feed'
import { NO_SLUG, staticParams } from '@/lib/static-params'

export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  return staticParams(
    (await getContent()).categories.map((term) => ({ slug: term.slug })),
    { slug: NO_SLUG },
  )
}

export async function GET(_request: Request, { params }: RouteContext<'/categories/[slug]/feed.xml'>) {
  const category = await getTerm('categories', (await params).slug)
  if (!category) return new Response('Not found', { status: 404 })
  return feedResponse(categoryFeed((await getContent()).site, category))
}
