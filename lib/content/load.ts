import path from 'node:path'
import { safeDecode } from '../urls'
import { authorEntries, authorFor, readAuthors, type Author } from './authors'
import { attachProblems, errorsOf } from './broken'
import type { compileAndStore } from './cache'
import { findPostFiles, slugOf } from './discover'
import { siteFrames } from './embeds'
import type { ParsedYaml } from './frontmatter'
import type { Asset } from './images'
import { checkLinks } from './link-check'
import { loadPost, type LoadedPost } from './load-post'
import type { TocHeading } from './mdx'
import type { PostEnv } from './post-env'
import { followSeries, inThisBuild, linkNeighbours, linkRelated, uniqueSlugs } from './post-list'
import { publishedView, type Published } from './published'
import { ContentError, sortProblems, type Problem } from './problems'
import type { Frontmatter, frontmatterSchema, SiteConfig } from './schema'
import { addSeriesIntroductions, seriesEntries } from './series'
import { readSiteConfig } from './site-config'
import { plainPath, sitePaths } from './site-paths'
import { buildTerms, groupByYear, termLinks, type IndexProblem, type Term, type TermLink } from './taxonomy'

export type { Author } from './authors'

/** A link to another post: previous and next, the parts of a series, related posts. */
export interface PostLink {
  slug: string
  title: string
  url: string
}

/** A post as pages, lists and feeds use it: validated frontmatter plus derived fields. */
export interface Post extends Omit<Frontmatter, 'date' | 'updated' | 'author' | 'cover' | 'summary'> {
  slug: string
  url: string
  /** Absolute path of the .mdx or .md file. */
  file: string
  date: Date
  updated?: Date
  summary: string
  /** The first author: the byline's first name, the feed's author. */
  author: Author
  /** Every author, co-authors in the order the frontmatter lists them. */
  authors: Author[]
  cover?: Asset
  /** Not yet published: a draft, or dated in the future. Only ever present in dev and previews. */
  unpublished?: 'draft' | 'scheduled' | 'broken'
  readingMinutes: number
  words: number
  headings: TocHeading[]
  /** Compiled MDX, rendered by components/post-body; read it with postCode (empty when it stayed on disk). */
  code: string
  /** Where the code is when the load left it on disk (LoadOptions.codeOnDisk): its compile cache entry. */
  codeKey?: string
  /** Has a formula: the page loads the math stylesheet. */
  math: boolean
  /** Origins its embeds load players from once clicked. */
  frames: string[]
  assets: Asset[]
  /** Frontmatter keys Inkwell does not know, kept as written. */
  extra: Record<string, unknown>
  previous?: PostLink
  next?: PostLink
  /** Where this post stands in its series, if it is in one. */
  seriesInfo?: { name: string; slug: string; part: number; total: number; parts: PostLink[] }
  /** Up to three other posts sharing the most tags and categories. */
  related: PostLink[]
  /** What is wrong with it: warnings; in next dev also the errors that make it broken (see broken.ts). */
  problems?: Problem[]
  /** The post's categories and tags as links, in the spelling their pages use. */
  terms: { categories: TermLink[]; tags: TermLink[] }
}

/** An author with a page: the file's author, its id as the URL slug, their posts. */
export interface AuthorEntry {
  slug: string
  name: string
  author: Author
  posts: Post[]
}

/** A series as its page shows it: parts in reading order and the author's description. */
export interface SeriesEntry {
  name: string
  slug: string
  posts: Post[]
  first: Date
  last: Date
  /** Compiled MDX from content/series/<slug>.mdx, if the author wrote one. */
  description?: string
}

/** Everything the site is made of, loaded and checked once. */
export interface Content {
  site: SiteConfig
  defaultAuthor: Author
  authors: Map<string, Author>
  /** Posts to build, newest first: published ones, plus drafts and scheduled ones when included. */
  posts: Post[]
  bySlug: Map<string, Post>
  categories: Term<Post>[]
  tags: Term<Post>[]
  series: SeriesEntry[]
  /** Authors with a file in content/authors/ and at least one post, by name; each with their posts newest first. */
  byAuthor: AuthorEntry[]
  /** Posts by calendar year (site time zone), newest first. */
  archive: { year: number; posts: Post[] }[]
  /** Every URL path the build serves (decoded, aliases aside): for link checks, and so that no alias claims one. */
  paths: Set<string>
  /** Warnings that did not stop the load (unknown keys, unknown code languages). */
  warnings: Problem[]
  /** Origins the posts' embeds frame: every page's frame-src (a reader may navigate to any post without a reload). */
  frames: string[]
  /** Published posts only, and the terms and series made of them: what feeds and the sitemap show. */
  published: Published
}

/** What to load, and how: the content folder, what counts as published, and how posts are compiled. */
export interface LoadOptions {
  /** The content folder: site.yaml, posts/, authors/. */
  root: string
  /** Include drafts and future-dated posts (next dev, previews). */
  includeDrafts: boolean
  /** The moment that decides what is "future"; the build's start. */
  now: Date
  /** Overrides site.yaml's url (the SITE_URL environment variable). */
  siteUrl?: string
  /** Folder of files served at the site root, for images written as `/x.png`. */
  publicDir?: string
  /** Paths of pages that are not made from content (`/about`), so links to them check out. */
  pages?: string[]
  /** Compiles one post and caches it; default: in this thread. `npm run check` passes a worker pool. */
  compile?: typeof compileAndStore
  /** Compile posts only as far as checking them needs (see CompileOptions.checkOnly); `npm run check`. */
  checkOnly?: boolean
  /**
   * Each file's latest frontmatter as text and parsed, shared by loads in one process (the check
   * loads twice; next dev reloads on every change), so only a changed frontmatter is parsed again.
   */
  parsed?: Map<string, { yaml: string; frontmatter: ParsedYaml<typeof frontmatterSchema> }>
  /** Keep a post with errors, marked broken, instead of failing the load: its page shows them (next dev). */
  keepBroken?: boolean
  /** Leave each post's compiled code in the compile cache, read when a page renders it (next build's workers). */
  codeOnDisk?: boolean
}

/** Reads, validates and compiles all content under `options.root`; throws ContentError on any error not kept with its post (keepBroken). */
export async function loadContent(options: LoadOptions): Promise<Content> {
  const { content, problems } = await inspectContent(options)
  const kept = new Set(content?.posts.flatMap(errorsOf))
  if (!content || problems.some((p) => p.severity === 'error' && !kept.has(p))) throw new ContentError(problems)
  return content
}

/**
 * Loads what can be loaded and reports every problem: the posts without errors are in `content`
 * (undefined only when the site config itself is broken). For `npm run check`.
 */
export async function inspectContent(options: LoadOptions): Promise<{ content?: Content; problems: Problem[] }> {
  const problems: Problem[] = []
  const root = path.resolve(/*turbopackIgnore: true*/ options.root)
  const site = readSiteConfig(root, options.siteUrl, problems)
  if (!site) return { problems: sortProblems(problems) }
  const authors = readAuthors(root, problems)
  const publicDir = path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? path.join(/*turbopackIgnore: true*/ root, '..', 'public'))
  const env: PostEnv = { root, publicDir, site, authors, defaultAuthor: authorFor(authors, site.author), options }

  // Each post: parse, compile, derive. Then one list: each slug once, newest first.
  const files = findPostFiles(path.join(/*turbopackIgnore: true*/ root, 'posts'), problems, root)
  const loaded = await Promise.all(files.map((file) => loadPost(file, env, problems)))
  const all = uniqueSlugs(loaded, problems)
  const shown = inThisBuild(all, options.includeDrafts)
  const posts = shown.map((entry) => entry.post)
  linkNeighbours(posts)

  // Indexes. Series numbering is checked over every post, drafts included.
  const report = indexReporter(all, problems)
  const categories = buildTerms(posts, 'categories', report)
  const tags = buildTerms(posts, 'tags', report)
  for (const post of posts) post.terms = { categories: termLinks('categories', post.categories), tags: termLinks('tags', post.tags) }
  const allPosts = all.map((entry) => entry.post)
  const series = seriesEntries(allPosts, posts, report)
  await addSeriesIntroductions(series, allPosts, env, problems)
  followSeries(posts)
  linkRelated(posts)
  const archive = groupByYear(posts, site.timeZone)

  // Links between pages of this site: every target must be part of this build.
  const byAuthor = authorEntries(posts)
  const paths = sitePaths({ postsPerPage: site.postsPerPage, posts, categories, tags, series, byAuthor, pages: options.pages ?? [] })
  const aliases = posts.flatMap((post) => post.aliases.map((alias) => plainPath(safeDecode(alias))))
  const inBuild = new Set(shown)
  const unpublished = all.filter((entry) => !inBuild.has(entry)).map((entry) => entry.slug)
  const broken = files.filter((_, i) => loaded[i]?.post.unpublished === 'broken' || !loaded[i]).map(slugOf)
  problems.push(...checkLinks({ posts: shown, unpublished, broken, paths: new Set([...paths, ...aliases]), publicDir }))

  const sorted = sortProblems(problems)
  attachProblems(posts, files, sorted, options.keepBroken === true)
  const warnings = sorted.filter((p) => p.severity === 'warning')
  const bySlug = new Map(posts.map((p) => [p.slug, p]))
  const published = publishedView({ posts, categories, tags, series, byAuthor })
  const frames = siteFrames(posts)
  return {
    content: { site, defaultAuthor: env.defaultAuthor, authors, posts, bySlug, categories, tags, series, byAuthor, archive, paths, warnings, published, frames },
    problems: sorted,
  }
}

/** Reports a problem found while indexing at the frontmatter field it is about. */
function indexReporter(entries: LoadedPost[], problems: Problem[]) {
  const locators = new Map(entries.map((entry) => [entry.post, entry.locate]))
  return ({ post, field, index, message, severity = 'error' }: IndexProblem<Post>) => {
    const where = locators.get(post)?.(index === undefined ? [field] : [field, index]) ?? { line: 1, column: 1 }
    problems.push({ severity, file: post.file, ...where, message })
  }
}
