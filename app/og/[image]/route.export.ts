import { cardParams, cardResponse } from '@/lib/post-files'

// /og/<slug>.png in a static export: each post's social card, written as a file (route.node.ts
// draws it on request where a server runs the site; see lib/post-files.ts). A route of our own
// rather than opengraph-image.tsx: that one's URL has no extension, so a static export writes a
// file that hosts serve as application/octet-stream, and it would override a cover.
export const dynamic = 'force-static'
export const dynamicParams = false

export const generateStaticParams = cardParams

// Typed by hand: in a server build this file is no route.
export async function GET(_request: Request, { params }: { params: Promise<{ image: string }> }) {
  return cardResponse(null, (await params).image)
}
