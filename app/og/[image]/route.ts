import { devPostFiles, formatDate, getContent, getPost } from '@/lib/content'
import { socialCard } from '@/lib/og-image'
import { cardPath } from '@/lib/routes'
import { NO_SLUG, staticParams } from '@/lib/static-params'
import { socialImage } from '@/lib/urls'

// /og/<slug>.png: the social card of a post without a cover image social sites can show. A route
// of our own rather than opengraph-image.tsx: that one's URL has no extension, so a static export
// writes a file that hosts serve as application/octet-stream, and it would override a cover.
export const dynamic = 'force-static'
export const dynamicParams = false

export async function generateStaticParams() {
  // next dev: every post (see devPostFiles); GET answers 404 for one with an image of its own.
  const dev = devPostFiles()
  if (dev) return dev.map(({ slug }) => ({ image: `${slug}.png` }))
  const { posts } = await getContent()
  const cards = posts.filter((post) => socialImage(post).path === cardPath.post(post.slug))
  return staticParams(
    cards.map((post) => ({ image: `${post.slug}.png` })),
    { image: `${NO_SLUG}.png` },
  )
}

export async function GET(_request: Request, { params }: RouteContext<'/og/[image]'>) {
  const post = await getPost((await params).image.replace(/\.png$/, ''))
  if (!post || socialImage(post).path !== cardPath.post(post.slug)) return new Response('Not found', { status: 404 })
  const { site } = await getContent()
  return socialCard({ title: post.title, site: site.title, footer: formatDate(post.date, site.language, site.timeZone) })
}
