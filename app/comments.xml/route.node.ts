import { recentComments } from '@/lib/comments'
import { commentFeed, commentFeedResponse } from '@/lib/comments/feed'
import { commentServer } from '@/lib/comments/site'
import { getContent } from '@/lib/content'

// The newest approved comments on the whole site (RSS 2.0). Dynamic: comments are not part of the build.
export const dynamic = 'force-dynamic'

export async function GET() {
  const [{ db, site }, { published }] = await Promise.all([commentServer(), getContent()])
  const titles = new Map(published.posts.map((p) => [p.slug, p]))
  return commentFeedResponse(commentFeed(site, await recentComments(db, site.feedItems), titles))
}
