import { listFeedParams, listFeedResponse } from '@/app/_lists/feeds'

// /authors/<slug>/feed.xml, atom.xml and feed.json.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return listFeedParams('authors')
}

export function GET(_request: Request, { params }: RouteContext<'/authors/[slug]/[feed]'>) {
  return listFeedResponse('authors', params)
}
