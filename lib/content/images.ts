import fs from 'node:fs'
import path from 'node:path'
import { imageSize } from 'image-size'
import { decodeUrl } from '../urls'
import { linkOutside } from './files'
import { closest } from './suggest'
import { pagePath } from '../routes'

/** An image file a post uses, served at `url`. */
export interface Asset {
  file: string
  url: string
  width: number
  height: number
}

/** Where a post's images are: its folder, its URL path, and the site's public/ folder. */
export interface ImageOptions {
  /** Folder that relative image paths start from and must stay inside. */
  dir: string
  /** URL path under which the post's images are served, e.g. `/posts/hello`. */
  assetBase: string
  /** Folder of files served at the site root (`public/`), for images written as `/x.png`. */
  publicDir: string
  /** The content folder, which a symbolic link next to a post may lead into but not out of; default: `dir`. */
  contentDir?: string
}

const IMAGE_TYPES = /\.(avif|gif|jpe?g|png|svg|webp)$/i

/** Larger sides are a broken or hostile header: the page would reserve that much room for it. */
export const MAX_IMAGE_SIDE = 20_000

/** True for images that are not files of this site: other origins and data: URLs. */
export const isRemote = (src: string) => /^(https?:)?\/\//.test(src) || src.startsWith('data:')

/**
 * Resolves an image a post refers to (relative to the post, or `/x` in public/) to the URL it is
 * served at and its size. Undefined for remote images; a sentence saying what is wrong otherwise.
 */
export function resolveImage(src: string, options: ImageOptions): Asset | string | undefined {
  if (isRemote(src)) return undefined
  const decoded = decodeUrl(src.split(/[?#]/)[0]!, `image "${src}"`)
  if (decoded.error !== undefined) return decoded.error
  const clean = decoded.value
  const fromPublic = clean.startsWith('/')
  const base = fromPublic ? options.publicDir : options.dir
  const absolute = fromPublic ? path.join(/*turbopackIgnore: true*/ base, clean) : path.resolve(/*turbopackIgnore: true*/ base, clean)
  if (!absolute.startsWith(base + path.sep)) {
    return `image "${src}" is outside the post's folder (move it next to the post and write ./${path.basename(clean)})`
  }
  if (!IMAGE_TYPES.test(absolute)) return `"${src}" is not an image file (use .avif, .gif, .jpg, .png, .svg or .webp)`
  if (!fs.existsSync(absolute)) {
    const nearby = fs.existsSync(path.dirname(absolute)) ? fs.readdirSync(path.dirname(absolute)) : []
    const guess = closest(path.basename(absolute), nearby)
    return `image "${src}" not found (${guess ? `did you mean ./${guess}?` : 'check the path; it is relative to the post file'})`
  }
  const link = linkOutside(absolute, fromPublic ? base : (options.contentDir ?? base))
  if (link) {
    const where = fromPublic ? ['public/', 'public/'] : ['the content folder', "the post's folder"]
    return `image "${src}" is a symbolic link to a file outside ${where[0]} (copy the image into ${where[1]} instead of linking to it)`
  }
  let size: { width?: number; height?: number }
  try {
    size = imageSize(fs.readFileSync(absolute))
  } catch {
    return `image "${src}" cannot be read as an image (re-export it as .webp, .png or .jpg)`
  }
  const { width = 0, height = 0 } = size
  if (!width || !height || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    const fix = width && height ? `at most ${MAX_IMAGE_SIDE} px a side: re-export it smaller` : 'an image needs a width and a height: re-export it'
    return `image "${src}" says it is ${width}×${height} px (${fix})`
  }
  const relative = path.relative(base, absolute).split(path.sep).map(encodeURIComponent).join('/')
  const url = pagePath.file(fromPublic ? '' : options.assetBase, relative)
  return { file: absolute, url, width, height }
}
