import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { cache } from 'react'
import { listPages, type ListPage, type TermKind } from '../routes'
import { fromParam } from '../urls'
import { outsideRender, warmHighlighter, watchContent } from './dev-context'
import { findPostFiles, slugOf } from './discover'
import { isIndexFile } from './format'
import { readCode } from './cache'
import { reportNewProblems } from './dev-report'
import { loadContent, type Content, type LoadOptions, type Post, type SeriesEntry } from './load'
import type { Term } from './taxonomy'
import { readEnv } from '../env'

export type { Content, Post, PostLink, Author, SeriesEntry } from './load'
export type { Term, TermLink } from './taxonomy'
export type { TermKind } from '../routes'
export type { Published } from './published'
export type { TocHeading, Asset } from './mdx'
export type { SiteConfig } from './schema'
export { loadContent } from './load'
export { ContentError, formatProblem, type Problem } from './problems'
export { throwIfBroken } from './broken'
export { formatDate, yearIn } from './dates'

/** Load options from the environment: the one place that decides what this build contains. */
export function contentOptions(source: Record<string, string | undefined> = process.env): LoadOptions {
  const env = readEnv(source)
  return {
    // Read while building, and by the comment routes at run time; not traced (a standalone build
    // gets a copy from scripts/standalone.mts).
    root: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.INKWELL_CONTENT_DIR || 'content'),
    // next dev shows drafts and scheduled posts (badged); INKWELL_DRAFTS=1 builds a preview with them.
    // (NODE_ENV is Next's own: next dev sets it.)
    includeDrafts: source.NODE_ENV === 'development' || env.INKWELL_DRAFTS === '1',
    // next dev keeps a post with errors, badged in lists, its page showing them; builds fail on it.
    keepBroken: source.NODE_ENV === 'development',
    // next build's page-data and static workers (Next sets NEXT_PHASE before starting them) each
    // load the whole site and render a share of it: the code stays on disk until a page needs it.
    codeOnDisk: source.NEXT_PHASE === 'phase-production-build',
    // A build sets INKWELL_NOW once (scripts/build.mts), so every worker agrees on what is scheduled.
    now: env.INKWELL_NOW ? new Date(env.INKWELL_NOW) : new Date(),
    siteUrl: env.SITE_URL,
    publicDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'public'),
    pages: staticPages(path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'app')),
  }
}

const pagesByDir = new Map<string, string[]>()

/** URL paths of the app's pages without dynamic segments (app/about/page.mdx → /about). */
function staticPages(appDir: string): string[] {
  // Asked on every content lookup, several times per rendered page: walk app/ once per process.
  // Pages are source files, so a new one means a new build (or next dev's own restart).
  const known = pagesByDir.get(appDir)
  if (known) return known
  const found: string[] = []
  pagesByDir.set(appDir, found)
  const walk = (dir: string, route: string) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !/^[[_@.]/.test(entry.name)) {
        // (group) folders do not appear in URLs.
        walk(path.join(/*turbopackIgnore: true*/ dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`)
      } else if (/^page\.(tsx|mdx)$/.test(entry.name) && route) {
        found.push(route)
      }
    }
  }
  walk(appDir, '')
  return found
}

/** A fingerprint of every file under `dir` (names, sizes, times), to notice edits in next dev. */
function fingerprint(dir: string): string {
  const parts: string[] = []
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(/*turbopackIgnore: true*/ d, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const stat = fs.statSync(full)
        parts.push(`${full}:${stat.size}:${stat.mtimeMs}`)
      }
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return parts.join('|')
}

// Once per request in a page's render (React's cache), which asks for content several times: the
// page is made from one state of the folder, and 1,000 posts are not stat'ed again for each part.
const fingerprintOnce = cache(fingerprint)

/** The fingerprint of the content folder this process reads. */
export function contentFingerprint(): string {
  return fingerprintOnce(contentOptions().root)
}

const versionOf = (fingerprint: string) => createHash('sha1').update(fingerprint).digest('hex')

/** A short hash of contentFingerprint(): next dev's reloader compares it with the one the page was rendered at. */
export function contentVersion(): string {
  return versionOf(contentFingerprint())
}

/**
 * next dev's reloader polls this, and the content folder's watcher calls it on every change: the
 * content's version, with its load started as soon as the folder changed, so the refresh that
 * follows renders from a load already under way.
 */
export function pollContent(): string {
  const fingerprint = contentFingerprint()
  loadAt(fingerprint)
  return versionOf(fingerprint)
}

/** Starts loading the content at `fingerprint` unless it is loaded or loading; errors are for the pages to show. */
const loadAt = (fingerprint: string) => void contentAt(contentOptions(), fingerprint).catch(() => undefined)

type Cache = { key: string; promise: Promise<Content> }
type Parsed = NonNullable<LoadOptions['parsed']>
const CACHE = Symbol.for('inkwell.content')
const PARSED = Symbol.for('inkwell.parsedFrontmatter')
const store = globalThis as { [CACHE]?: Cache; [PARSED]?: Parsed }

/** The site's content, loaded once per build; in next dev, reloaded when a file changes. */
export function getContent(): Promise<Content> {
  const options = contentOptions()
  return contentAt(options, process.env.NODE_ENV === 'development' ? contentFingerprint() : options.root)
}

/** The content loaded with `options`, from the cache when it was loaded at this `key`. */
function contentAt(options: LoadOptions, key: string): Promise<Content> {
  const cached = store[CACHE]
  if (cached?.key === key) return cached.promise
  const dev = process.env.NODE_ENV === 'development'
  // In next dev a reload re-reads every post; only changed frontmatter is parsed again, and only
  // changed bodies are compiled again (lib/content/cache.ts).
  const promise = dev ? outsideRender(() => loadContent({ ...options, parsed: (store[PARSED] ??= new Map()) })) : loadContent(options)
  store[CACHE] = { key, promise }
  if (dev && !cached) {
    const warm = (content?: Content) => {
      watchContent(options.root, () => loadAt(fingerprint(options.root)))
      if (content?.posts[0]) warmHighlighter(content.posts[0].file, { publicDir: options.publicDir, contentDir: options.root })
    }
    promise.then(warm, () => warm())
  }
  if (options.keepBroken) reportNewProblems(promise)
  return promise
}

/** A post file as next dev finds it, before anything is loaded: its slug, and the files beside it when it is a folder. */
export interface DevPostFile {
  slug: string
  /** Paths from the post's folder (`chart.webp`, `img/a.png`); none for a single-file post. */
  files: string[]
}

/**
 * In next dev only: every post file, read from the folder alone. Next runs a route's
 * generateStaticParams in a new process on every request of the route (once it has a first
 * answer, in the background), which would load and compile the whole site again for each page
 * view, and on a fresh clone compile all of it before the first page. In dev every post file is
 * a page (drafts and broken posts too), so the file names are the list; a name that is no post
 * still answers 404 (getPost), and an asset the post does not use too.
 */
export function devPostFiles(): DevPostFile[] | undefined {
  if (process.env.NODE_ENV !== 'development') return undefined
  const posts = path.join(/*turbopackIgnore: true*/ contentOptions().root, 'posts')
  const bySlug = new Map<string, DevPostFile>()
  for (const file of findPostFiles(posts, [])) {
    const slug = slugOf(file)
    if (bySlug.has(slug)) continue
    const dir = path.dirname(file)
    const files = isIndexFile(file) ? filesUnder(dir).filter((f) => !isIndexFile(path.join(/*turbopackIgnore: true*/ dir, f))) : []
    bySlug.set(slug, { slug, files })
  }
  return [...bySlug.values()]
}

/** Every file under `dir`, as paths from it with `/`; hidden ones left out. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return []
    const name = `${prefix}${entry.name}`
    if (entry.isDirectory()) return filesUnder(path.join(/*turbopackIgnore: true*/ dir, entry.name), `${name}/`)
    return entry.isFile() ? [name] : []
  })
}

/** A post's compiled code, read from the compile cache when the load left it there. */
export function postCode(post: Pick<Post, 'code' | 'codeKey' | 'file'>): string {
  return post.codeKey ? readCode(post.codeKey, post.file) : post.code
}

// Lookups by route parameter go through fromParam: Next hands pages their parameters
// percent-encoded, and a post named 日本語 would otherwise be a 404 page, prerendered as such.

/** The post with this slug (a route parameter, encoded or not), or undefined when it is not part of this build. */
export async function getPost(slug: string): Promise<Post | undefined> {
  return (await getContent()).bySlug.get(fromParam(slug))
}

/** One page of a list: page numbers start at 1. */
export interface Page<T> {
  items: T[]
  page: number
  pages: number
}

/** Splits `items` into pages of `size` and returns page `page` (1-based). */
export function paginate<T>(items: T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size))
  return { items: items.slice((page - 1) * size, page * size), page, pages }
}

/** Where a lookup searches: the lists the site's pages show, or only what is published (feeds). */
type View = { published?: boolean }
const listsOf = async ({ published = false }: View) => {
  const content = await getContent()
  return published ? content.published : content
}

/** The category or tag with this slug (a route parameter), or undefined. */
export async function getTerm(kind: TermKind, slug: string, view: View = {}): Promise<Term<Post> | undefined> {
  const key = fromParam(slug)
  return (await listsOf(view))[kind].find((term) => term.slug === key)
}

/** The series with this slug (a route parameter), or undefined. */
export async function getSeries(slug: string, view: View = {}): Promise<SeriesEntry | undefined> {
  const key = fromParam(slug)
  return (await listsOf(view)).series.find((entry) => entry.slug === key)
}

/** Every list page of this build (see listPages in lib/routes): the pages, their static params and the link check agree. */
export async function getListPages(): Promise<ListPage<Post>[]> {
  const content = await getContent()
  let pages = listCache.get(content)
  if (!pages) listCache.set(content, (pages = listPages({ postsPerPage: content.site.postsPerPage, ...content })))
  return pages
}
const listCache = new WeakMap<Content, ListPage<Post>[]>()

/** The list page at `path` (such as `/tags/css/page/2`), or undefined when this build has none there. */
export async function getListPage(path: string): Promise<ListPage<Post> | undefined> {
  return (await getListPages()).find((page) => page.path === path)
}
