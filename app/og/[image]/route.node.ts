import { cardResponse } from '@/lib/post-files'

// /og/<slug>.png where a server runs the site (next dev, next start): each post's social card,
// drawn when first asked for (and kept in the card cache) instead of prerendered, one route less
// per post for next build. route.export.ts writes them in a static export; see lib/post-files.ts.

// Typed by hand: in an export build this file is no route.
export async function GET(request: Request, { params }: { params: Promise<{ image: string }> }) {
  return cardResponse(request, (await params).image)
}
