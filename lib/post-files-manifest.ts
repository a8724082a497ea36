import fs from 'node:fs'
import path from 'node:path'

import { formatDate } from './content/dates'
import type { Content, Post } from './content/load'
import { readEnv } from './env'
import type { CardText } from './og-image'
import { cardPath } from './routes'
import { socialImage } from './urls'

/**
 * What a server needs to answer a post's images and social card (lib/post-files.ts) without
 * loading the content: which files each post uses, and each card's text. The build's check writes
 * it (`check --build --post-files <file>`) and scripts/build.mts moves it into <distDir>/inkwell/
 * once next build, which empties <distDir>, is done. A standalone server has no compile cache, so
 * without it the first image a reader asked for would wait for every post to compile.
 */
export interface PostFilesManifest {
  /** `<slug>/<path beside the post>` → the file, relative to the content folder. */
  assets: Record<string, string>
  /** Slug → the card's text, for each post without a cover image of its own. */
  cards: Record<string, CardText>
}

/** A post's files from beside it, as the path segments after /posts/<slug>/. */
export function assetSegments(post: Pick<Post, 'url' | 'assets'>): { segments: string[]; file: string }[] {
  return post.assets
    .filter((asset) => asset.url.startsWith(`${post.url}/`))
    .map((asset) => ({
      segments: asset.url
        .slice(post.url.length + 1)
        .split('/')
        .map(decodeURIComponent),
      file: asset.file,
    }))
}

/** The card of a post that shows no cover image of its own on social sites; undefined for one that does. */
export function postCard(post: Post, site: Content['site']): CardText | undefined {
  if (socialImage(post).path !== cardPath.post(post.slug)) return undefined
  return { title: post.title, site: site.title, footer: formatDate(post.date, site.language, site.timeZone) }
}

export function postFilesManifest({ posts, site }: Pick<Content, 'posts' | 'site'>, contentRoot: string): PostFilesManifest {
  const manifest: PostFilesManifest = { assets: {}, cards: {} }
  for (const post of posts) {
    for (const { segments, file } of assetSegments(post))
      manifest.assets[`${post.slug}/${segments.join('/')}`] = path.relative(contentRoot, file)
    const card = postCard(post, site)
    if (card) manifest.cards[post.slug] = card
  }
  return manifest
}

/** Where a build keeps its manifest: beside its pages and search index. */
export function manifestPath(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  // turbopackIgnore: a build's own output, never a file to trace into a standalone server.
  return path.resolve(/*turbopackIgnore: true*/ cwd, readEnv(source).INKWELL_DIST_DIR || '.next', 'inkwell', 'post-files.json')
}

export function writeManifest(file: string, manifest: PostFilesManifest): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(manifest))
}
