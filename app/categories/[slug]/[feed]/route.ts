import { listFeedParams, listFeedResponse } from '@/app/_lists/feeds'

// /categories/<slug>/feed.xml, atom.xml and feed.json.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return listFeedParams('categories')
}

export function GET(_request: Request, { params }: RouteContext<'/categories/[slug]/[feed]'>) {
  return listFeedResponse('categories', params)
}
