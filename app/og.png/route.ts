import { getContent } from '@/lib/content'
import { socialCard } from '@/lib/og-image'

// The social card of every page that is not a post, and the feeds' channel image.
export const dynamic = 'force-static'

export async function GET() {
  const { site } = await getContent()
  return socialCard({ title: site.title, site: new URL(site.url).host, footer: site.description })
}
