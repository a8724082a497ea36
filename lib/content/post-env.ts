import path from 'node:path'
import { pagePath } from '../routes'
import type { Author } from './authors'
import type { ImageOptions } from './images'
import type { LoadOptions } from './load'
import type { SiteConfig } from './schema'

/** What every post of one load is read against. */
export interface PostEnv {
  /** The content folder, resolved. */
  root: string
  /** Files served at the site root, for images written as `/x.png`. */
  publicDir: string
  site: SiteConfig
  authors: Map<string, Author>
  defaultAuthor: Author
  options: LoadOptions
}

/** Where one post's images are: next to its file, served under its URL. */
export function imageOptions(post: { file: string; slug: string }, env: PostEnv): Required<ImageOptions> {
  return { dir: path.dirname(post.file), assetBase: pagePath.post(post.slug), publicDir: env.publicDir, contentDir: env.root }
}
