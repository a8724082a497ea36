import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { contentOptions, devPostFiles, getContent, getPost } from './content'
import { socialCardPng, type CardText } from './og-image'
import { assetSegments, manifestPath, postCard, type PostFilesManifest } from './post-files-manifest'
import { NO_SLUG, staticParams } from './static-params'

// The files a post brings besides its page: the images beside it (content/posts/<slug>/chart.webp
// at /posts/<slug>/chart.webp) and its social card (/og/<slug>.png). Where a Node server runs the
// site (next dev, next start, standalone) they are answered on request (route.node.ts), so next
// build does not prerender two routes per post (1,000 posts: 3,725 pages to prerender instead of
// 1,727, a cold build 68 s instead of 53 s); a static export writes them as files
// (route.export.ts). Both answer with these functions.

const TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

/** The path segments of every file a post uses from beside it, for a static export. */
export async function assetParams(): Promise<{ slug: string; asset: string[] }[]> {
  const dev = devPostFiles()
  if (dev)
    return staticParams(
      dev.flatMap(({ slug, files }) => files.map((file) => ({ slug, asset: file.split('/') }))),
      { slug: NO_SLUG, asset: ['none'] },
    )
  const { posts } = await getContent()
  const params = posts.flatMap((post) => assetSegments(post).map(({ segments }) => ({ slug: post.slug, asset: segments })))
  return staticParams(params, { slug: NO_SLUG, asset: ['none'] })
}

/** The social card names of every post that has no cover image of its own, for a static export. */
export async function cardParams(): Promise<{ image: string }[]> {
  // next dev with an export's routes: every post (see devPostFiles); a post with an image of its own answers 404.
  const dev = devPostFiles()
  if (dev) return dev.map(({ slug }) => ({ image: `${slug}.png` }))
  const { posts, site } = await getContent()
  return staticParams(
    posts.filter((post) => postCard(post, site)).map((post) => ({ image: `${post.slug}.png` })),
    { image: `${NO_SLUG}.png` },
  )
}

/**
 * The build's manifest (lib/post-files-manifest.ts) under next start or a standalone server:
 * images and cards answered from it never load the content. None in next dev, which may find one
 * a production build left in .next/ (its content is the live folder), nor after a bare
 * `next build`, which writes none: then the content is loaded as pages need it.
 */
let manifest: Promise<PostFilesManifest | null> | undefined
const builtManifest = () =>
  (manifest ??=
    process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build'
      ? fs.promises.readFile(manifestPath(), 'utf8').then(
          (text) => JSON.parse(text) as PostFilesManifest,
          () => null,
        )
      : Promise.resolve(null))

/** The file at /posts/<slug>/<asset…>: only one the post itself uses, as resolved (and checked to be inside content/) when it loaded. */
export async function assetResponse(request: Request | null, slug: string, asset: string[]): Promise<Response> {
  const built = await builtManifest()
  let file: string | undefined
  if (built) {
    const key = `${slug}/${asset.join('/')}`
    const relative = Object.hasOwn(built.assets, key) ? built.assets[key] : undefined
    file = relative && path.join(/*turbopackIgnore: true*/ contentOptions().root, relative)
  } else {
    const post = await getPost(slug)
    file = post && assetSegments(post).find(({ segments }) => segments.join('/') === asset.join('/'))?.file
  }
  if (!file) return notFound()
  let bytes: Uint8Array<ArrayBuffer>
  try {
    bytes = new Uint8Array(await fs.promises.readFile(file))
  } catch {
    return notFound()
  }
  return fileResponse(request, bytes, {
    'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    // SVGs are author content served from our origin: no scripts, whatever they contain.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  })
}

/** /og/<slug>.png: the card of a post without a cover image social sites can show. */
export async function cardResponse(request: Request | null, image: string): Promise<Response> {
  if (!image.endsWith('.png')) return notFound()
  const slug = image.slice(0, -'.png'.length)
  const built = await builtManifest()
  let card: CardText | undefined
  if (built) card = Object.hasOwn(built.cards, slug) ? built.cards[slug] : undefined
  else {
    const post = await getPost(slug)
    card = post && postCard(post, (await getContent()).site)
  }
  if (!card) return notFound()
  return fileResponse(request, await socialCardPng(card), { 'Content-Type': 'image/png' })
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * The bytes with an ETag, and 304 to a request that already has them (none when prerendering:
 * reading a request's headers makes a route dynamic, which a static export refuses). Browsers
 * and proxies may keep a file for an hour: an edited image or a retitled post's card shows
 * within that, at the same URL. (A static export's files get whatever headers its host sends.)
 */
function fileResponse(request: Request | null, bytes: Uint8Array<ArrayBuffer>, headers: Record<string, string>): Response {
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`
  const common = { ETag: etag, 'Cache-Control': 'public, max-age=3600' }
  const match = request?.headers.get('if-none-match')
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers: common })
  }
  return new Response(bytes, { headers: { ...headers, ...common } })
}
