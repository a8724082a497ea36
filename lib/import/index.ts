import fs from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'

import { databaseTarget, importComments, openDatabase, type DatabaseTarget, type ImportedComment } from '../comments'
import { fetchFile, memoDownload } from './assets'
import { convertPost, makeContext, refResolver } from './convert'
import { writeFrontmatter } from './frontmatter'
import { readHugo } from './hugo'
import { readJekyll } from './jekyll'
import { fixLinks } from './links'
import { ImportReport } from './report'
import { toPostText } from './serialize'
import type { ConvertedPost, Download, PostFields, SourceKind, SourceSite } from './types'
import { readWordPress } from './wordpress'
import { readZola } from './zola'

// npm run import: read a Hugo, Zola or Jekyll site or a WordPress export, convert every post to
// Inkwell Markdown (`.md`, or `.mdx` when it needs a component), rewrite links between them, write the posts, authors and comments, and report
// everything that was kept as-is or left out. The steps below are that sentence, in order.

export { SOURCES, type SourceKind } from './types'
export { ImportReport } from './report'

export interface ImportOptions {
  /** The posts folder to write to, e.g. content/posts; authors go to its parent's authors/. */
  out: string
  /** Convert and report, write nothing. */
  dryRun?: boolean
  /** Replace posts that already exist (else they are left alone, reported). */
  force?: boolean
  /** How remote images are fetched (tests give their own). */
  download?: Download
  /** Where imported comments go; default: the site's comment database (DATABASE_URL or data/). */
  database?: DatabaseTarget
}

export interface ImportResult {
  report: ImportReport
  posts: ConvertedPost[]
  /** Where the report was written (not with dryRun). */
  reportFile: string
}

const READERS: Record<SourceKind, (root: string, report: ImportReport) => Promise<SourceSite>> = {
  hugo: readHugo,
  zola: readZola,
  jekyll: readJekyll,
  wordpress: readWordPress,
}

/** Imports one site (see the top of this file). */
export async function runImport(kind: SourceKind, source: string, options: ImportOptions): Promise<ImportResult> {
  const root = path.resolve(source)
  if (!fs.existsSync(root)) throw new Error(`${source} does not exist`)
  const report = new ImportReport(fs.statSync(root).isDirectory() ? root : path.dirname(root))
  const site = await READERS[kind](root, report)
  const posts = await convertAll(site, report, options.download ?? fetchFile)
  const out = path.resolve(options.out)
  const reportFile = path.join(path.dirname(path.dirname(out)), 'import-report.md')
  writePosts(posts, out, options, report)
  writeAuthors(site, path.join(path.dirname(out), 'authors'), options, report)
  if (!options.dryRun) await storeComments(posts, options.database ?? databaseTarget(), report)
  if (!options.dryRun) fs.writeFileSync(reportFile, report.markdown(`Import from ${kind}: ${path.basename(root)}`))
  return { report, posts, reportFile }
}

async function convertAll(site: SourceSite, report: ImportReport, download: Download): Promise<ConvertedPost[]> {
  uniqueSlugs(site, report)
  const resolveRef = refResolver(site.posts)
  const fetchOnce = memoDownload(download)
  const posts: ConvertedPost[] = []
  for (const post of site.posts) posts.push(await convertPost(makeContext(post, site, report, fetchOnce, resolveRef)))
  fixLinks(
    posts,
    site,
    (post, line, message) => report.add(post.source.file, line, message),
    (_from, ref) => resolveRef(ref)?.slug,
  )
  for (const post of posts) fitFields(post, report)
  return posts
}

/** Two source posts with one slug: the later ones get -2, -3 (reported). */
function uniqueSlugs(site: SourceSite, report: ImportReport) {
  const taken = new Set<string>()
  for (const post of site.posts) {
    let slug = post.slug
    for (let n = 2; taken.has(slug); n++) slug = `${post.slug}-${n}`
    if (slug !== post.slug) report.add(post.file, 1, `another post already has the slug "${post.slug}": this one is ${slug}`)
    post.slug = slug
    taken.add(slug)
  }
}

/** Keeps frontmatter within Inkwell's limits (lib/content/schema.ts), reporting each change. */
function fitFields(post: ConvertedPost, report: ImportReport) {
  const f: PostFields = post.fields
  const note = (key: string, message: string) => report.add(post.source.file, post.source.fieldLine(key), message)
  if (f.title.length > 300) {
    note('title', 'title longer than 300 characters: cut to 300')
    f.title = `${f.title.slice(0, 299)}…`
  }
  if (f.summary && f.summary.length > 1000) {
    note('summary', 'summary longer than 1,000 characters: left out, so the first paragraph is the summary')
    f.summary = undefined
  }
  if (f.author && f.author.length > 200) f.author = f.author.slice(0, 200)
  for (const key of ['categories', 'tags'] as const) {
    const long = f[key].filter((name) => name.length > 100)
    if (long.length) note(key, `${key} longer than 100 characters left out: ${long.join(', ')}`)
    f[key] = [...new Set(f[key].filter((name) => name.length <= 100))].slice(0, 100)
  }
  if (f.series && f.series.length > 100) {
    note('series', 'series name longer than 100 characters: left out')
    f.series = undefined
  }
}

/** The path a post is written to: a folder when it has files beside it; `.md` unless it needs MDX. */
const postPath = (out: string, post: ConvertedPost, format: 'md' | 'mdx') =>
  post.files.size ? path.join(out, post.source.slug, `index.${format}`) : path.join(out, `${post.source.slug}.${format}`)

/** Every file that would be the post `slug`, in either layout and either format. */
const postFiles = (out: string, slug: string) =>
  ['mdx', 'md'].flatMap((ext) => [path.join(out, `${slug}.${ext}`), path.join(out, slug, `index.${ext}`)])

function writePosts(posts: ConvertedPost[], out: string, options: ImportOptions, report: ImportReport) {
  for (const post of posts) {
    const { format, text } = toPostText(post.tree)
    const file = postPath(out, post, format)
    const slug = post.source.slug
    const existing = postFiles(out, slug).find((f) => fs.existsSync(f))
    if (existing && !options.force) {
      report.add(post.source.file, 1, `${path.relative(process.cwd(), existing)} already exists: left as it is (--force replaces it)`)
      continue
    }
    report.written.push(path.relative(process.cwd(), file))
    report.count(post.fields.draft ? 'drafts' : 'posts')
    if (options.dryRun) continue
    if (existing && existing !== file)
      fs.rmSync(/[\\/]index\.mdx?$/.test(existing) ? path.dirname(existing) : existing, { recursive: true })
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, `${writeFrontmatter(post.fields)}\n${text}`)
    for (const [name, content] of post.files) {
      const target = path.join(path.dirname(file), name)
      if (typeof content === 'string') fs.copyFileSync(content, target)
      else fs.writeFileSync(target, content)
    }
    report.count('images', post.files.size)
  }
}

function writeAuthors(site: SourceSite, dir: string, options: ImportOptions, report: ImportReport) {
  for (const [id, author] of site.authors) {
    const file = path.join(dir, `${id}.yaml`)
    if (fs.existsSync(file)) {
      report.add(site.root, 1, `author ${id}: ${path.relative(process.cwd(), file)} already exists, left as it is`)
      continue
    }
    report.count('authors')
    if (options.dryRun) continue
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(file, stringify({ name: author.name }))
  }
}

/** Stores the posts' approved comments in the site's comment database. */
async function storeComments(posts: ConvertedPost[], target: DatabaseTarget, report: ImportReport) {
  const list: ImportedComment[] = posts.flatMap((post) =>
    (post.source.comments ?? []).map((c) => ({
      sourceId: c.id,
      sourceParentId: c.parentId,
      post: post.source.slug,
      name: c.name,
      website: c.website,
      body: c.body,
      createdAt: c.createdAt,
      isAuthor: c.isAuthor,
    })),
  )
  if (!list.length) return
  try {
    const database = await openDatabase(target)
    try {
      const { stored, existing } = await importComments(database.db, list)
      report.count('comments', stored)
      if (existing)
        report.add(
          posts[0]!.source.file,
          1,
          `${existing} comments were in the comment database already (imported before): not stored twice`,
        )
    } finally {
      await database.close()
    }
  } catch (error) {
    report.add(
      posts[0]!.source.file,
      1,
      `comments not imported: ${error instanceof Error ? error.message : String(error)} (stop the server that uses the database, then run the import again)`,
    )
  }
}
