import fs from 'node:fs'
import path from 'node:path'
import { imageSize } from 'image-size'
import type { Image, Parent, Root, RootContent } from 'mdast'

import { jsx } from './jsx'
import { lineOf } from './markdown'
import { link } from './nodes'
import type { ConvertContext, Download } from './types'

// Images of imported posts: files of the source (beside the post, in another bundle, in static/)
// are copied next to the new post; remote ones are downloaded when they can be, else kept as
// remote figures with the size the source gave, or as links when no size is known.

const IMAGE_TYPES = /\.(avif|gif|jpe?g|png|svg|webp)$/i
const isRemote = (url: string) => /^(https?:)?\/\//i.test(url)

/** Fetches a file over HTTP(S): its bytes, or why not. Ten seconds at most. */
export const fetchFile: Download = async (url) => {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' })
    if (!response.ok) return `the server answered ${response.status}`
    return new Uint8Array(await response.arrayBuffer())
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
  }
}

/** A download that asks for each address once per import. */
export function memoDownload(download: Download): Download {
  const seen = new Map<string, Promise<Uint8Array | string>>()
  return (url) => {
    if (!seen.has(url)) seen.set(url, download(url))
    return seen.get(url)!
  }
}

/** A file name for `file` beside the post that no other file of it has taken. */
export function claimName(ctx: ConvertContext, wanted: string, content: string | Uint8Array): string {
  const ext = path.extname(wanted).toLowerCase()
  const stem =
    path
      .basename(wanted, path.extname(wanted))
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'image'
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${ext}`
    const taken = ctx.files.get(name)
    if (taken === undefined || taken === content) {
      ctx.files.set(name, content)
      return name
    }
  }
}

/** The source file an image path names: beside the post, under the old URL, or in a static folder. */
export function findSourceFile(url: string, ctx: ConvertContext): string | undefined {
  let clean: string
  try {
    clean = decodeURI(url.split(/[?#]/)[0]!)
  } catch {
    return undefined
  }
  if (!clean) return undefined
  const candidates: string[] = []
  const inStatic = (p: string) => ctx.site.staticDirs.map((dir) => path.join(dir, p))
  if (clean.startsWith('/')) candidates.push(...inStatic(clean))
  else {
    candidates.push(path.resolve(ctx.post.dir, clean))
    if (ctx.post.oldPath) candidates.push(...inStatic(new URL(clean, `http://old${ctx.post.oldPath.replace(/\/?$/, '/')}`).pathname))
  }
  return candidates.find((file) => fs.statSync(file, { throwIfNoEntry: false })?.isFile())
}

/** The path of a URL on the old site, when it points there. */
export function oldSitePath(url: string, baseUrl: string | undefined): string | undefined {
  if (!baseUrl || !isRemote(url) || !URL.canParse(url, baseUrl)) return undefined
  const target = new URL(url, baseUrl)
  const base = new URL(baseUrl)
  if (target.host.replace(/^www\./, '') !== base.host.replace(/^www\./, '')) return undefined
  const prefix = base.pathname.replace(/\/$/, '')
  return target.pathname.startsWith(prefix) ? target.pathname.slice(prefix.length) || '/' : undefined
}

/** Copies a local image beside the post: its new relative path, or why it cannot be. */
export function localImage(url: string, ctx: ConvertContext): { src: string } | { why: string } {
  const file = findSourceFile(url, ctx)
  if (!file) return { why: 'not found in the source' }
  if (!IMAGE_TYPES.test(file))
    return { why: `${path.extname(file) || 'this file'} is not an image type Inkwell serves (.avif .gif .jpg .png .svg .webp)` }
  return { src: `./${claimName(ctx, path.basename(file), file)}` }
}

/** Resolves every image of a converted post; see the comment at the top. */
export async function resolveImages(tree: Root, ctx: ConvertContext): Promise<void> {
  const found: { node: Image; parent: Parent }[] = []
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'image') found.push({ node: child, parent })
      else if ('children' in child) walk(child)
    }
  }
  walk(tree)
  for (const { node, parent } of found) {
    const replacement = await resolveImage(node, ctx)
    if (replacement === node) continue
    const index = parent.children.indexOf(node as never)
    const alone = parent.type === 'paragraph' && parent.children.length === 1
    if (alone && replacement.type === 'mdxJsxTextElement' && replacement.name === 'Figure')
      Object.assign(parent, { ...replacement, type: 'mdxJsxFlowElement' })
    else parent.children.splice(index, 1, replacement as never)
  }
}

async function resolveImage(node: Image, ctx: ConvertContext): Promise<Image | RootContent> {
  const line = lineOf(node)
  if (node.url.startsWith('data:')) return dataImage(node, ctx, line)
  const oldPath = oldSitePath(node.url, ctx.site.baseUrl)
  if (!isRemote(node.url) || oldPath) {
    const local = localImage(oldPath ?? node.url, ctx)
    if ('src' in local) {
      node.url = local.src
      return node
    }
    if (!isRemote(node.url)) {
      ctx.note(line, `image "${node.url}" ${local.why}: kept as ${ctx.site.baseUrl ? 'a link to the old site' : 'its alt text'}`)
      return ctx.site.baseUrl
        ? link(new URL(node.url, new URL(ctx.post.oldPath ?? '/', ctx.site.baseUrl)).href, node.alt || node.url)
        : { type: 'text', value: node.alt ?? '' }
    }
  }
  const bytes = await ctx.download(node.url.startsWith('//') ? `https:${node.url}` : node.url)
  if (typeof bytes !== 'string' && isImage(bytes)) {
    const name = new URL(node.url, 'https://x').pathname.split('/').pop() || 'image'
    node.url = `./${claimName(ctx, IMAGE_TYPES.test(name) ? name : `${name}.${imageSize(bytes).type ?? 'img'}`, bytes)}`
    return node
  }
  const why = typeof bytes === 'string' ? `could not be downloaded (${bytes})` : 'was downloaded but is not an image'
  return remoteImage(node, ctx, line, why)
}

const isImage = (bytes: Uint8Array) => {
  try {
    const size = imageSize(bytes)
    return Boolean(size.width && size.height)
  } catch {
    return false
  }
}

/** A remote image that stays remote: with a known size a figure or `<img>`, else a link. */
function remoteImage(node: Image, ctx: ConvertContext, line: number, why: string): RootContent {
  const size = (node.data as { size?: { width: number; height: number } } | undefined)?.size ?? ctx.site.imageSize?.(node.url)
  if (!size) {
    ctx.note(
      line,
      `remote image ${node.url} ${why}, and its size is unknown: kept as a link (download it beside the post and write ![alt](./name))`,
    )
    return link(node.url, node.alt || node.url)
  }
  ctx.note(line, `remote image ${node.url} ${why}: kept as a remote image of ${size.width}×${size.height}`)
  const attributes = { src: node.url, alt: node.alt ?? '', width: size.width, height: size.height }
  return node.title ? jsx('Figure', { ...attributes, caption: node.title }, [], false) : jsx('img', attributes, [], false)
}

function dataImage(node: Image, ctx: ConvertContext, line: number): Image | RootContent {
  const m = /^data:image\/(png|gif|jpeg|webp|avif);base64,(.*)$/is.exec(node.url)
  const bytes = m ? Buffer.from(m[2]!, 'base64') : undefined
  if (!bytes || !isImage(bytes)) {
    ctx.note(line, 'data: image left out: only PNG, GIF, JPEG, WebP and AVIF data images are allowed')
    return { type: 'text', value: node.alt ?? '' }
  }
  return { ...node, url: `./${claimName(ctx, `inline.${m![1] === 'jpeg' ? 'jpg' : m![1]}`, new Uint8Array(bytes))}` }
}

/** The cover image of a post, copied beside it or downloaded: its new path, or undefined (reported). */
export async function resolveCover(src: string, ctx: ConvertContext, line: number): Promise<string | undefined> {
  const oldPath = oldSitePath(src, ctx.site.baseUrl)
  let why = 'it is not an image file next to the post'
  if (!isRemote(src) || oldPath) {
    const local = localImage(oldPath ?? src, ctx)
    if ('src' in local) return local.src
    why = local.why
  }
  if (isRemote(src)) {
    const bytes = await ctx.download(src.startsWith('//') ? `https:${src}` : src)
    if (typeof bytes !== 'string' && isImage(bytes))
      return `./${claimName(ctx, new URL(src, 'https://x').pathname.split('/').pop() || 'cover', bytes)}`
    why = typeof bytes === 'string' ? `it could not be downloaded (${bytes})` : 'the download is not an image'
  }
  ctx.note(line, `cover image "${src}" left out: ${why}, and a cover must be an image file next to the post`)
  return undefined
}
