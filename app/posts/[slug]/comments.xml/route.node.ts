import { recentComments } from '@/lib/comments'
import { commentFeed, commentFeedResponse } from '@/lib/comments/feed'
import { commentablePost, commentServer } from '@/lib/comments/site'

// One post's newest approved comments (RSS 2.0).
export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { db, site } = await commentServer()
  const found = await commentablePost(db, site, (await params).slug)
  if (!found) return new Response('Not found', { status: 404 })
  const { post } = found
  return commentFeedResponse(commentFeed(site, await recentComments(db, site.feedItems, post.slug), new Map([[post.slug, post]]), post))
}
