import { listFeedParams, listFeedResponse } from '@/app/_lists/feeds'

// /tags/<slug>/feed.xml, atom.xml and feed.json.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return listFeedParams('tags')
}

export function GET(_request: Request, { params }: RouteContext<'/tags/[slug]/[feed]'>) {
  return listFeedResponse('tags', params)
}
