import { listFeedParams, listFeedResponse } from '@/app/_lists/feeds'

// /series/<slug>/feed.xml, atom.xml and feed.json.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return listFeedParams('series')
}

export function GET(_request: Request, { params }: RouteContext<'/series/[slug]/[feed]'>) {
  return listFeedResponse('series', params)
}
