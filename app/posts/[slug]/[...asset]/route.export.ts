import { assetParams, assetResponse } from '@/lib/post-files'

// In a static export: the images beside each post, written as files (route.node.ts answers them
// on request where a server runs the site; see lib/post-files.ts).
export const dynamic = 'force-static'
export const dynamicParams = false

export const generateStaticParams = assetParams

// Typed by hand: in a server build this file is no route.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; asset: string[] }> }) {
  const { slug, asset } = await params
  return assetResponse(null, slug, asset)
}
