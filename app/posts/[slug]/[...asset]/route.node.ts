import { assetResponse } from '@/lib/post-files'

// Where a server runs the site (next dev, next start): the images beside each post, read when
// asked for instead of prerendered, one route less per post for next build (route.export.ts
// writes them in a static export; see lib/post-files.ts).

// Typed by hand: in an export build this file is no route.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; asset: string[] }> }) {
  const { slug, asset } = await params
  return assetResponse(request, slug, asset)
}
