import { siteFeedResponse } from '@/app/_lists/feeds'

export const dynamic = 'force-static'

export function GET() {
  return siteFeedResponse('json')
}
