import { getContent } from '@/lib/content'
import { feedResponse, siteFeed } from '@/lib/feed'

export const dynamic = 'force-static'

export async function GET() {
  const { site, posts } = await getContent()
  return feedResponse(siteFeed(site, posts))
}
