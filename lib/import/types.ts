import type { Root, RootContent } from 'mdast'

import type { ImportReport } from './report'

export const SOURCES = ['hugo', 'zola', 'jekyll', 'wordpress'] as const
export type SourceKind = (typeof SOURCES)[number]

/** The frontmatter of an Inkwell post, as the importer writes it (see lib/content/schema.ts). */
export interface PostFields {
  title: string
  date: string
  updated?: string
  summary?: string
  author?: string
  categories: string[]
  tags: string[]
  series?: string
  seriesPart?: number
  draft?: boolean
  toc?: boolean
  comments?: boolean
  cover?: string
  aliases: string[]
}

/** A reader's comment of the source (WordPress), threaded by the source's ids. */
export interface SourceComment {
  id: string
  parentId?: string
  name: string
  website?: string
  /** Markdown. */
  body: string
  createdAt: Date
  isAuthor: boolean
  line: number
}

/**
 * Text that a source's shortcode syntax turns into something else: literal text (a `ref` that
 * becomes a URL, an escaped shortcode) or Markdown nodes (an admonition, a video).
 */
export type Replacement =
  { start: number; end: number; text: string } | { start: number; end: number; nodes: RootContent[]; block: boolean; original: string }

/** Finds a source's shortcodes in a piece of body text; `lineAt` gives the file line of an offset. */
export type ShortcodeScanner = (text: string, ctx: ConvertContext, lineAt: (offset: number) => number) => Promise<Replacement[]>

/** A post found in the source, before its body is converted. */
export interface SourcePost {
  /** Absolute path of the source file (or of the export, for WordPress). */
  file: string
  slug: string
  fields: PostFields
  body: string
  /** The file line of the body's first line. */
  bodyLine: number
  /** The file line of a frontmatter field of the source (or of the post's item, for WordPress). */
  fieldLine(key: string): number
  format: 'markdown' | 'html'
  /** The folder that relative image paths start from. */
  dir: string
  /** URL path the post had on the old site, if known (`/2019/11/velocity-day-2/`). */
  oldPath?: string
  /** Names by which other posts refer to this one (`ref`, `@/`, `post_url`), normalised by the source. */
  keys: string[]
  shortcodes?: ShortcodeScanner
  comments?: SourceComment[]
  /** Whether the source used `<!-- more -->` (or its excerpt separator) as the summary's end. */
  moreSeparator?: RegExp
}

/** A post converted: its frontmatter, its body as Markdown nodes, and what it needs beside it. */
export interface ConvertedPost {
  source: SourcePost
  fields: PostFields
  tree: Root
  /** Files to copy beside the post: new name → absolute source path or downloaded bytes. */
  files: Map<string, string | Uint8Array>
}

/** Where the posts of a source are, and how to reach files and old URLs. */
export interface SourceSite {
  kind: SourceKind
  /** The folder (or export file) imported. */
  root: string
  /** The old site's address, for links that cannot be kept on the new one. */
  baseUrl?: string
  posts: SourcePost[]
  /** Folders in which `/x.png` images are looked for, in order (Hugo `static/`, Jekyll's root). */
  staticDirs: string[]
  /** The size of a remote image, when the source knows it without downloading (WordPress attachments). */
  imageSize?(url: string): { width: number; height: number } | undefined
  /** Authors to write to content/authors/<id>.yaml. */
  authors: Map<string, { name: string }>
}

/** A remote file fetcher: the bytes, or a sentence saying why not. */
export type Download = (url: string) => Promise<Uint8Array | string>

/** What converting one post's body can reach. */
export interface ConvertContext {
  post: SourcePost
  site: SourceSite
  report: ImportReport
  /** Adds a report entry at a line of this post's file. */
  note(line: number, message: string): void
  /** The same, only the first time this message comes up in this post. */
  noteOnce(line: number, message: string): void
  /** The slug of the post a source reference (`ref`, `@/`, `post_url`) names, if it was imported. */
  resolveRef(ref: string): { slug: string; anchor?: string } | undefined
  files: Map<string, string | Uint8Array>
  download: Download
}
