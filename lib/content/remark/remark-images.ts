import type { Image } from 'mdast'
import { isRemote, resolveImage, type Asset } from '../images'
import { visitPost, type InkwellPlugin, type RemarkContext } from './context'
import { attribute, isJsxElement, type JsxElement } from './jsx'

/**
 * Resolves every image of the post (Markdown, `<img>`, `<Figure>`) to the file next to it: the
 * URL it is served at and its size, so the page does not shift as it loads. Fails missing ones
 * and remote ones without a size; skips what the HTML policy refused.
 */
export const remarkImages: InkwellPlugin = (ctx) => (tree) => {
  const assets = new Map<string, Asset>()
  const resolve = (src: string, node: Image | JsxElement): Asset | undefined => {
    const resolved = resolveImage(src, ctx.options)
    if (typeof resolved === 'string') ctx.fail(resolved, node)
    if (typeof resolved !== 'object') return undefined
    const seen = assets.get(resolved.file)
    if (seen) return seen
    assets.set(resolved.file, resolved)
    return resolved
  }
  visitPost(tree, (node) => {
    if (ctx.refused.has(node)) return
    if (node.type === 'image') markdownImage(ctx, node, resolve(node.url, node))
    else if (isJsxElement(node) && (node.name === 'img' || node.name === 'Figure')) elementImage(ctx, node, resolve)
  })
  ctx.facts.assets = [...assets.values()]
}

/** `![alt](src)`: the served URL and the size, or a failure for a remote image. */
function markdownImage(ctx: RemarkContext, node: Image, asset: Asset | undefined) {
  if (asset) {
    node.url = asset.url
    node.data = { ...node.data, hProperties: { width: asset.width, height: asset.height, loading: 'lazy', decoding: 'async' } }
  } else if (isRemote(node.url)) {
    ctx.fail(`remote image "${node.url}" has no known size, so the page would shift as it loads (use <Figure src="…" alt="…" width={…} height={…} />)`, node)
  }
}

/** `<img>` and `<Figure>`: src must be plain text; the served URL, and width and height unless given (one given: the other in proportion). */
function elementImage(ctx: RemarkContext, node: JsxElement, resolve: (src: string, node: JsxElement) => Asset | undefined) {
  const srcAttr = attribute(node, 'src')
  if (srcAttr && typeof srcAttr.value !== 'string') {
    ctx.fail(`<${node.name}> src must be plain text such as src="./chart.webp", so its size can be read at build time`, node)
    return
  }
  const src = typeof srcAttr?.value === 'string' ? srcAttr.value : undefined
  if (!srcAttr || !src) return
  const asset = resolve(src, node)
  const width = attribute(node, 'width')
  const height = attribute(node, 'height')
  if (!asset) {
    if (isRemote(src) && (!width || !height)) {
      ctx.fail(`remote image "${src}" needs width and height, so the page does not shift as it loads (add width={…} height={…})`, node)
    }
    return
  }
  srcAttr.value = asset.url
  const given = width ? Number(typeof width.value === 'string' ? width.value : width.value?.value) : undefined
  const set = (name: string, value: number) => {
    const existing = attribute(node, name)
    if (existing) existing.value = String(value)
    else node.attributes.push({ type: 'mdxJsxAttribute', name, value: String(value) })
  }
  if (!width && !height) {
    set('width', asset.width)
    set('height', asset.height)
  } else if (given && Number.isFinite(given) && !height && asset.width) {
    set('height', Math.round((given * asset.height) / asset.width))
  }
}
