import fs from 'node:fs/promises'
import path from 'node:path'

import { devPostFiles, getContent, getPost } from '@/lib/content'
import { NO_SLUG, staticParams } from '@/lib/static-params'

// Serves the images that sit next to a post (content/posts/<slug>/chart.webp) at
// /posts/<slug>/chart.webp: in next dev, next start, and as plain files in a static export.
export const dynamic = 'force-static'
export const dynamicParams = false

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

export async function generateStaticParams() {
  const dev = devPostFiles()
  if (dev)
    return staticParams(
      dev.flatMap(({ slug, files }) => files.map((file) => ({ slug, asset: file.split('/') }))),
      { slug: NO_SLUG, asset: ['none'] },
    )
  const { posts } = await getContent()
  const params = posts.flatMap((post) =>
    post.assets
      .filter((asset) => asset.url.startsWith(`${post.url}/`))
      .map((asset) => ({
        slug: post.slug,
        asset: asset.url
          .slice(post.url.length + 1)
          .split('/')
          .map(decodeURIComponent),
      })),
  )
  return staticParams(params, { slug: NO_SLUG, asset: ['none'] })
}

export async function GET(_request: Request, { params }: RouteContext<'/posts/[slug]/[...asset]'>) {
  const { slug, asset } = await params
  const post = await getPost(slug)
  // Only a file the post itself uses, as resolved (and checked to be inside content/) when it loaded.
  const url = `${post?.url}/${asset.map(encodeURIComponent).join('/')}`
  const file = post?.assets.find((a) => a.url === url)?.file
  if (!file) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(await fs.readFile(file)), {
    headers: {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      // SVGs are author content served from our origin: no scripts, whatever they contain.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  })
}
