import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { slugify } from '../slug'
import { decodeUrl, safeDecode } from '../urls'
import { badCharacterMessage, NOT_XML } from '../xml-chars'
import { parseDate, isTimeZone, toOffsetDateTime } from './dates'
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter'
import { cacheKey, compileAndStore, isFresh, readCached, stampsOf, type Entry } from './cache'
import { linkOutside, outsideProblem, readContentFile } from './files'
import { resolveImage, type Asset } from './images'
import type { CompiledPost, TocHeading } from './mdx'
import { ContentError, sortProblems, type Problem } from './problems'
import { closest } from './suggest'
import { authorSchema, frontmatterSchema, siteSchema, type Frontmatter, type SiteConfig } from './schema'
import { buildSeries, buildTerms, groupByYear, relatedPosts, type IndexProblem, type Term } from './taxonomy'

export interface Author {
  id?: string
  name: string
  bio?: string
  avatar?: string
  links: { label: string; href: string }[]
}

export interface PostLink {
  slug: string
  title: string
  url: string
}

/** A post as pages, lists and feeds use it: validated frontmatter plus derived fields. */
export interface Post extends Omit<Frontmatter, 'date' | 'updated' | 'author' | 'cover' | 'summary'> {
  slug: string
  url: string
  /** Absolute path of the .mdx file. */
  file: string
  date: Date
  updated?: Date
  summary: string
  author: Author
  cover?: Asset
  /** Not yet published: a draft, or dated in the future. Only ever present in dev and previews. */
  unpublished?: 'draft' | 'scheduled'
  readingMinutes: number
  words: number
  headings: TocHeading[]
  /** Compiled MDX, rendered by components/post-body. */
  code: string
  assets: Asset[]
  /** Frontmatter keys Inkwell does not know, kept as written. */
  extra: Record<string, unknown>
  previous?: PostLink
  next?: PostLink
  /** Where this post stands in its series, if it is in one. */
  seriesInfo?: { name: string; slug: string; part: number; total: number; parts: PostLink[] }
  /** Up to three other posts sharing the most tags and categories. */
  related: PostLink[]
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
  /** Posts by calendar year (site time zone), newest first. */
  archive: { year: number; posts: Post[] }[]
  /** Every URL path the build serves (decoded, aliases aside): for link checks, and so that no alias claims one. */
  paths: Set<string>
  /** Warnings that did not stop the load (unknown keys, unknown code languages). */
  warnings: Problem[]
}

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
  /** Parsed frontmatter by file and text, shared by loads in one process (the check loads twice). */
  parsed?: Map<string, ParsedYaml<typeof frontmatterSchema>>
}

const WORDS_PER_MINUTE = 230
const SUMMARY_LENGTH = 240

// Compiled posts by file, kept across reloads in one process (next dev), so an edit recompiles
// only the post that changed; cache.ts keeps them on disk across processes. On globalThis: Next
// may load this module twice.
const compileCache: Map<string, { key: string; result: CompiledPost; stamps: Entry['stamps'] }> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('inkwell.compileCache')
] ??= new Map()) as never

/** Reads and validates a YAML file of the content folder `root` (one a symbolic link leads outside it is refused). */
export function readYamlFile<S extends Parameters<typeof parseYaml>[0]['schema']>(file: string, schema: S, what: string, root = path.dirname(file)) {
  const problems: Problem[] = []
  const yaml = readContentFile(file, root, problems)
  if (yaml === undefined) return { extra: {}, problems, locate: () => ({ line: 1, column: 1 }) }
  return parseYaml({ file, yaml, yamlLine: 1, schema, unknownKeys: 'error', what })
}

/** Finds post files: `posts/<slug>.mdx` and `posts/<slug>/index.mdx`, none through a link that leaves `root`. */
export function findPostFiles(postsDir: string, problems: Problem[], root = path.dirname(postsDir)): string[] {
  if (!fs.existsSync(postsDir)) return []
  const files: string[] = []
  for (const entry of fs.readdirSync(postsDir, { withFileTypes: true })) {
    const full = path.join(/*turbopackIgnore: true*/ postsDir, entry.name)
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
    if (entry.isSymbolicLink() && linkOutside(full, root)) {
      problems.push(outsideProblem(full))
      continue
    }
    // A linked folder is a post folder too; reading it checks where the link leads (files.ts).
    if (entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isDirectory())) {
      const index = path.join(/*turbopackIgnore: true*/ full, 'index.mdx')
      if (fs.existsSync(index)) files.push(index)
      else if (fs.existsSync(path.join(/*turbopackIgnore: true*/ full, 'index.md')))
        problems.push({ severity: 'error', file: path.join(/*turbopackIgnore: true*/ full, 'index.md'), line: 1, column: 1, message: 'posts are MDX files (rename index.md to index.mdx)' })
      else
        problems.push({ severity: 'warning', file: full, line: 1, column: 1, message: 'folder has no index.mdx, so it is not a post (add index.mdx, or start the name with _ to keep it aside)' })
    } else if (entry.name.endsWith('.mdx')) {
      files.push(full)
    } else if (/\.(md|markdown)$/.test(entry.name)) {
      problems.push({ severity: 'error', file: full, line: 1, column: 1, message: `posts are MDX files (rename ${entry.name} to ${entry.name.replace(/\.\w+$/, '.mdx')})` })
    }
  }
  return files.sort()
}

/** A post's slug: its file name, or its folder's for `index.mdx`; in NFC, as macOS writes names decomposed. */
const slugOf = (file: string) => (path.basename(file) === 'index.mdx' ? path.basename(path.dirname(file)) : path.basename(file, '.mdx')).normalize('NFC')

/** Each character in a post's body that a feed cannot carry, at its own line and column. */
function badCharacters(file: string, body: string): Problem[] {
  return [...body.matchAll(NOT_XML)].map((m) => ({ severity: 'error' as const, file, ...position(body, m.index), message: badCharacterMessage(m[0], 'in the text') }))
}

/** Line and column (from 1) of an offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}

function summarize(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.]+$/, '')}…`
}

/** Reads, validates and compiles all content under `options.root`; throws ContentError on any error. */
export async function loadContent(options: LoadOptions): Promise<Content> {
  const { content, problems } = await inspectContent(options)
  if (!content || problems.some((p) => p.severity === 'error')) throw new ContentError(problems)
  return content
}

/**
 * Loads what can be loaded and reports every problem: the posts without errors are in `content`
 * (undefined only when the site config itself is broken). For `npm run check`.
 */
export async function inspectContent(options: LoadOptions): Promise<{ content?: Content; problems: Problem[] }> {
  const root = path.resolve(/*turbopackIgnore: true*/ options.root)
  const problems: Problem[] = []
  const publicDir = path.resolve(/*turbopackIgnore: true*/ options.publicDir ?? path.join(/*turbopackIgnore: true*/ root, '..', 'public'))

  // Site config
  const siteFile = path.join(/*turbopackIgnore: true*/ root, 'site.yaml')
  let site: SiteConfig | undefined
  if (!fs.existsSync(siteFile)) {
    problems.push({ severity: 'error', file: siteFile, line: 1, column: 1, message: 'site config is missing (create it with title, description, url and author)' })
  } else {
    const parsed = readYamlFile(siteFile, siteSchema, 'site config', root)
    problems.push(...parsed.problems)
    if (parsed.data && !isTimeZone(parsed.data.timeZone)) {
      problems.push({ severity: 'error', file: siteFile, ...parsed.locate(['timeZone']), message: `timeZone "${parsed.data.timeZone}" is not a known time zone (use an IANA name such as Europe/Amsterdam or UTC)` })
    } else if (parsed.data && options.siteUrl && !/^https?:\/\/[^/\s]+/.test(options.siteUrl)) {
      problems.push({ severity: 'error', file: siteFile, line: 1, column: 1, message: `SITE_URL "${options.siteUrl}" is not an absolute http(s) URL (set SITE_URL=https://blog.example.com)` })
    } else if (parsed.data) {
      site = { ...parsed.data, url: (options.siteUrl || parsed.data.url).replace(/\/+$/, '') }
    }
  }
  if (!site) return { problems: sortProblems(problems) }
  const timeZone = site.timeZone

  // Authors
  const authors = new Map<string, Author>()
  const authorsDir = path.join(/*turbopackIgnore: true*/ root, 'authors')
  if (fs.existsSync(authorsDir)) {
    for (const name of fs.readdirSync(authorsDir).sort()) {
      if (!/\.ya?ml$/.test(name)) continue
      const parsed = readYamlFile(path.join(/*turbopackIgnore: true*/ authorsDir, name), authorSchema, 'author', root)
      problems.push(...parsed.problems)
      if (parsed.data) authors.set(name.replace(/\.ya?ml$/, ''), { id: name.replace(/\.ya?ml$/, ''), ...parsed.data })
    }
  }
  const authorFor = (idOrName: string): Author => authors.get(idOrName) ?? { name: idOrName, links: [] }
  const defaultAuthor = authorFor(site.author)

  // Posts
  const locators = new Map<string, (path: readonly PropertyKey[]) => { line: number; column: number }>()
  const sources = new Map<string, string>()
  const postsDir = path.join(/*turbopackIgnore: true*/ root, 'posts')
  const files = findPostFiles(postsDir, problems, root)
  const loaded = await Promise.all(
    files.map(async (file) => {
      const fileProblems: Problem[] = []
      // Whatever goes wrong with one post is that post's problem: the others are still checked.
      const post = await loadPost(file, fileProblems).catch((error: unknown) => {
        fileProblems.push({ severity: 'error', file, line: 1, column: 1, message: `this post cannot be loaded: ${String(error)} (look for anything unusual in it)` })
        return undefined
      })
      problems.push(...fileProblems)
      return fileProblems.some((p) => p.severity === 'error') ? undefined : post
    }),
  )

  async function loadPost(file: string, out: Problem[]): Promise<Post | undefined> {
    const isIndex = path.basename(file) === 'index.mdx'
    const slug = slugOf(file)
    const text = readContentFile(file, root, out)
    if (text === undefined) return undefined
    // Windows line endings would leave a \r on every frontmatter value.
    const source = text.replace(/\r\n?/g, '\n')
    sources.set(file, source)
    const split = splitFrontmatter(source)
    if (!split) {
      out.push({ severity: 'error', file, line: 1, column: 1, message: 'the post has no frontmatter (start the file with a --- line, then title: and date:, then another --- line)' })
      return undefined
    }
    if (slugify(slug) !== slug) {
      out.push({ severity: 'error', file, line: 1, column: 1, message: `"${slug}" cannot be a URL slug (rename the ${isIndex ? 'folder' : 'file'} to "${slugify(slug) || 'my-post'}": lowercase letters, digits, hyphens and underscores)` })
    }
    const memoKey = `${file}\0${split.yaml}`
    const fm =
      options.parsed?.get(memoKey) ??
      parseYaml({ file, yaml: split.yaml, yamlLine: split.yamlLine, schema: frontmatterSchema, unknownKeys: 'warning', what: 'frontmatter' })
    options.parsed?.set(memoKey, fm)
    out.push(...fm.problems)
    locators.set(file, fm.locate)
    out.push(...badCharacters(file, split.body))

    const dir = path.dirname(file)
    const checkOnly = options.checkOnly === true
    const { trustedCode, trustedHtml } = site!
    const compileOptions = { file, dir, assetBase: `/posts/${slug}`, publicDir, contentDir: root, checkOnly, trustedCode, trustedHtml }
    // A check-only compile tells the check all it needs, but a full one from an earlier build
    // serves it too.
    const trust = `${trustedCode}:${trustedHtml}`
    const fullKey = cacheKey(file, split.body, publicDir, trust)
    const diskKey = checkOnly ? cacheKey(file, split.body, publicDir, trust, 'check-only') : fullKey
    const key = diskKey ?? createHash('sha1').update(file).update(split.body).update(publicDir).update(trust).update(String(checkOnly)).digest('hex')
    const inMemory = compileCache.get(file)
    let compiled = inMemory?.key === key && isFresh(inMemory.stamps) ? inMemory.result : undefined
    if (!compiled && fullKey) compiled = readCached(fullKey)
    if (!compiled && diskKey && diskKey !== fullKey) compiled = readCached(diskKey)
    if (!compiled) {
      compiled = await (options.compile ?? compileAndStore)(split.body, compileOptions, diskKey)
    }
    compileCache.set(file, { key, result: compiled, stamps: stampsOf(compiled) })
    out.push(...compiled.problems)
    if (!fm.data) return undefined
    const data = fm.data

    const dateOf = (key: 'date' | 'updated'): Date | undefined => {
      const text = data[key]
      if (text === undefined) return undefined
      const parsed = parseDate(text, timeZone)
      if (typeof parsed === 'string') {
        out.push({ severity: 'error', file, ...fm.locate([key]), message: `${key} "${text}" ${parsed} (write ${key}: 2025-03-21 or ${key}: 2025-03-21T09:00:00+01:00)` })
        return undefined
      }
      return parsed
    }
    const date = dateOf('date')
    const updated = dateOf('updated')
    // `updated: 2025-03-21` on a post dated 2025-03-21T09:00 is a same-day update, not an error.
    const updatedDay = data.updated && /^\d{4}-\d{2}-\d{2}$/.test(data.updated.trim())
    const tooEarly = date && updated && (updatedDay ? data.updated!.trim() < toOffsetDateTime(date, timeZone).slice(0, 10) : updated < date)
    if (tooEarly) {
      out.push({ severity: 'error', file, ...fm.locate(['updated']), message: `updated (${data.updated}) is before date (${data.date}) (fix one of the two)` })
    }

    let cover: Asset | undefined
    if (data.cover) {
      const resolved = resolveImage(data.cover, { dir, assetBase: `/posts/${slug}`, publicDir, contentDir: root })
      if (typeof resolved === 'string') out.push({ severity: 'error', file, ...fm.locate(['cover']), message: `cover ${resolved}` })
      else if (!resolved) out.push({ severity: 'error', file, ...fm.locate(['cover']), message: 'cover must be an image next to the post (write cover: ./cover.webp)' })
      else cover = resolved
    }
    if (!date) return undefined

    if (!data.summary && compiled.summaryGap) {
      out.push({ severity: 'warning', file, ...compiled.summaryGap, message: 'the first paragraph, used as the summary, has an expression that a plain-text summary leaves out (write summary: "…" in the frontmatter)' })
    }
    const { date: _d, updated: _u, author, summary, cover: _c, ...rest } = data
    const unpublished = data.draft ? 'draft' : date > options.now ? 'scheduled' : undefined
    return {
      ...rest,
      slug,
      url: `/posts/${slug}`,
      file,
      date,
      updated,
      summary: summary ?? summarize(compiled.firstParagraph),
      author: author ? authorFor(author) : defaultAuthor,
      cover,
      unpublished,
      readingMinutes: Math.max(1, Math.round(compiled.words / WORDS_PER_MINUTE)),
      words: compiled.words,
      headings: compiled.headings,
      code: compiled.code,
      assets: cover && !compiled.assets.some((a) => a.file === cover.file) ? [...compiled.assets, cover] : compiled.assets,
      extra: fm.extra,
      related: [],
    } satisfies Post
  }

  // Duplicate slugs: `x.mdx` and `x/index.mdx`, or two folders that differ in case on some disks.
  const bySlugAll = new Map<string, Post>()
  for (const post of loaded) {
    if (!post) continue
    const other = bySlugAll.get(post.slug)
    if (other) {
      problems.push({
        severity: 'error',
        file: post.file,
        line: 1,
        column: 1,
        message: `slug "${post.slug}" is already used by ${path.relative(process.cwd(), other.file)} (rename one of them; each post needs its own URL)`,
      })
    } else bySlugAll.set(post.slug, post)
  }

  const posts = [...bySlugAll.values()]
    .filter((p) => options.includeDrafts || !p.unpublished)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug))

  const bySlug = new Map(posts.map((p) => [p.slug, p]))
  const brokenSlugs = new Set(files.filter((_, i) => !loaded[i]).map(slugOf))

  const link = (p: Post): PostLink => ({ slug: p.slug, title: p.title, url: p.url })
  posts.forEach((post, i) => {
    // Newest first: the next (newer) post is before this one in the list.
    post.next = posts[i - 1] && link(posts[i - 1]!)
    post.previous = posts[i + 1] && link(posts[i + 1]!)
  })

  // Indexes: categories, tags, series, archive, related posts.
  const report = ({ post, field, index, message, severity = 'error' }: IndexProblem<Post>) => {
    const where = locators.get(post.file)?.(index === undefined ? [field] : [field, index]) ?? { line: 1, column: 1 }
    problems.push({ severity, file: post.file, ...where, message })
  }
  const categories = buildTerms(posts, 'categories', report)
  const tags = buildTerms(posts, 'tags', report)
  // Numbering is checked over every post, drafts included, so a draft part is not a gap.
  const visible = new Set(posts)
  const series: SeriesEntry[] = []
  for (const s of buildSeries([...bySlugAll.values()], report)) {
    const parts = s.posts.filter((p) => visible.has(p))
    if (!parts.length) continue
    const times = parts.map((p) => p.date.getTime())
    series.push({ ...s, posts: parts, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) })
    parts.forEach((post, i) => {
      post.seriesInfo = { name: s.name, slug: s.slug, part: i + 1, total: parts.length, parts: parts.map(link) }
    })
  }
  const seriesDir = path.join(/*turbopackIgnore: true*/ root, 'series')
  if (fs.existsSync(seriesDir)) {
    for (const name of fs.readdirSync(seriesDir).sort()) {
      if (!name.endsWith('.mdx')) continue
      const file = path.join(/*turbopackIgnore: true*/ seriesDir, name)
      const entry = series.find((s) => s.slug === name.slice(0, -4))
      if (!entry) {
        if (![...bySlugAll.values()].some((p) => p.series && slugify(p.series) === name.slice(0, -4))) {
          problems.push({ severity: 'warning', file, line: 1, column: 1, message: `no post belongs to a series with slug "${name.slice(0, -4)}" (name the file after the series: ${series.map((s) => `${s.slug}.mdx`).join(', ') || 'no series yet'})` })
        }
        continue
      }
      const source = readContentFile(file, root, problems)
      if (source === undefined) continue
      const compiled = await compileAndStore(splitFrontmatter(source)?.body ?? source, { file, dir: seriesDir, assetBase: `/series/${entry.slug}`, publicDir, contentDir: root, trustedCode: site.trustedCode, trustedHtml: site.trustedHtml }, null)
      problems.push(...compiled.problems)
      entry.description = compiled.code
    }
  }
  const related = relatedPosts(posts)
  for (const post of posts) post.related = (related.get(post) ?? []).map(link)
  const archive = groupByYear(posts, timeZone)

  // Links between pages of this site: every target must be part of this build.
  const paths = sitePaths(site, posts, categories, tags, series, options.pages ?? [])
  const linkable = new Set([...paths, ...posts.flatMap((post) => post.aliases.map((alias) => plainPath(safeDecode(alias))))])
  for (const post of posts) {
    const compiled = compileCache.get(post.file)?.result
    for (const link of compiled?.links ?? []) {
      const at = { severity: 'error' as const, file: post.file, line: link.line, column: link.column }
      const decoded = decodeUrl(link.href, `link "${link.href}"`)
      if (decoded.error !== undefined) {
        problems.push({ ...at, column: columnOf(sources.get(post.file), link, decoded.at), message: decoded.error })
        continue
      }
      // Split before decoding: an escaped %23 or %3F is part of the path, not a fragment or query.
      const decode = (part: string) => safeDecode(part).normalize('NFC')
      const [pathAndQuery = '', rawAnchor] = link.href.split('#')
      const anchor = rawAnchor === undefined ? undefined : decode(rawAnchor)
      const pathname = plainPath(decode(pathAndQuery.split('?')[0]!))
      const postMatch = /^\/posts\/([^/]+)$/.exec(pathname)
      const slug = postMatch?.[1]
      const target = pathname === '' ? post : slug ? bySlug.get(slug) : undefined
      if (slug && !target && brokenSlugs.has(slug)) {
        // The target exists but has errors of its own, reported at its file.
      } else if (slug && !target) {
        const hidden = bySlugAll.get(slug)
        const guess = closest(slug, [...bySlug.keys()])
        problems.push({
          ...at,
          message: hidden
            ? `link to ${link.href} points at a post that is not published (publish ${hidden.slug} first, or remove the link)`
            : `link to ${link.href}: no such post (${guess ? `did you mean /posts/${guess}?` : 'posts are at /posts/<file or folder name>'})`,
        })
      } else if (target && anchor) {
        const ids = compileCache.get(target.file)?.result.ids ?? []
        if (!ids.includes(anchor) && !anchor.startsWith('user-content-fn')) {
          const guess = closest(anchor, ids)
          problems.push({ ...at, message: `link to ${link.href}: no heading with id "${anchor}" in that post (${guess ? `did you mean #${guess}? ` : ''}headings there: ${ids.join(', ') || 'none'})` })
        }
      } else if (!target && !linkable.has(pathname) && !fs.existsSync(path.join(/*turbopackIgnore: true*/ publicDir, pathname))) {
        const guess = closest(pathname, [...linkable])
        problems.push({ ...at, message: `link to ${link.href}: no such page on this site (${guess ? `did you mean ${guess}?` : 'check the path'})` })
      }
    }
  }

  const sorted = sortProblems(problems)
  return { content: { site, defaultAuthor, authors, posts, bySlug, categories, tags, series, archive, paths, warnings: sorted.filter((p) => p.severity === 'warning') }, problems: sorted }
}

/** A path without its trailing slash, as the site serves it (`/a/` and `/a` are one page). */
const plainPath = (pathname: string) => pathname.replace(/(.)\/+$/, '$1')

/**
 * Every path this build serves, decoded: pages, paginated lists, feeds and post images (not
 * aliases). Links are checked against it, and aliases must not claim any of it.
 */
function sitePaths(site: SiteConfig, posts: Post[], categories: Term<Post>[], tags: Term<Post>[], series: SeriesEntry[], pages: string[]): Set<string> {
  const paths = new Set(['/', '/archive', '/categories', '/tags', '/series', '/feed.xml', '/sitemap.xml', '/robots.txt', ...pages])
  const addPaged = (base: string, n: number) => {
    paths.add(base || '/')
    for (let page = 2; page <= Math.ceil(n / site.postsPerPage); page++) paths.add(`${base}/page/${page}`)
  }
  addPaged('', posts.length)
  for (const term of categories) addPaged(`/categories/${term.slug}`, term.posts.length), paths.add(`/categories/${term.slug}/feed.xml`)
  for (const term of tags) addPaged(`/tags/${term.slug}`, term.posts.length)
  for (const entry of series) paths.add(`/series/${entry.slug}`), paths.add(`/series/${entry.slug}/feed.xml`)
  for (const post of posts) {
    paths.add(post.url)
    for (const asset of post.assets) paths.add(safeDecode(asset.url))
  }
  return paths
}

/** The column of the character `at` into a link's address, when the address is written out on the link's line; else the link's own. */
function columnOf(source: string | undefined, link: { href: string; line: number; column: number }, at: number): number {
  const line = source?.split('\n')[link.line - 1] ?? ''
  const found = line.indexOf(link.href, link.column - 1)
  return found < 0 ? link.column : found + at + 1
}
