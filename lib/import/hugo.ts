import fs from 'node:fs'
import path from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { parse as parseYaml } from 'yaml'

import { pagePath } from '../routes'
import { refKey } from './convert'
import { dateText, flagOf, namesOf, readSourceFile, slugOf, stringOf } from './frontmatter'
import type { ImportReport } from './report'
import { parseArgs, replace, type Shortcode } from './shortcodes'
import { leftOutKeys, permalink, walkFiles } from './source-utils'
import type { ConvertContext, PostFields, Replacement, ShortcodeScanner, SourcePost, SourceSite } from './types'

// A Hugo site: its config (hugo.* or config.*, or config/_default/), the pages of its main
// sections (single files and page bundles), their YAML, TOML or JSON frontmatter, and shortcodes
// in both {{< >}} and {{% %}} forms.

type Config = Record<string, unknown>

/** Reads Hugo's configuration; keys lowercased, as Hugo treats them. */
function readConfig(root: string): Config {
  const names = ['hugo', 'config'].flatMap((n) => ['toml', 'yaml', 'yml', 'json'].map((ext) => `${n}.${ext}`))
  const files = [...names.map((n) => path.join(root, n)), ...names.map((n) => path.join(root, 'config/_default', n))]
  const config: Config = {}
  for (const file of files.filter((f) => fs.existsSync(f))) Object.assign(config, lower(parseConfigFile(file)))
  const dir = path.join(root, 'config/_default')
  for (const key of ['params', 'permalinks', 'taxonomies']) {
    const file = ['toml', 'yaml', 'yml', 'json'].map((ext) => path.join(dir, `${key}.${ext}`)).find((f) => fs.existsSync(f))
    if (file) config[key] = parseConfigFile(file)
  }
  return config
}

function parseConfigFile(file: string): Config {
  const text = fs.readFileSync(file, 'utf8')
  if (file.endsWith('.toml')) return parseToml(text) as Config
  if (file.endsWith('.json')) return JSON.parse(text) as Config
  return (parseYaml(text) ?? {}) as Config
}

const lower = (obj: Config): Config => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k.toLowerCase(), v]))
const table = (value: unknown): Config => (value && typeof value === 'object' && !Array.isArray(value) ? lower(value as Config) : {})

/** Reads a Hugo site at `root`. */
export async function readHugo(root: string, report: ImportReport): Promise<SourceSite> {
  const config = readConfig(root)
  const contentDir = path.join(root, stringOf(config.contentdir) ?? 'content')
  const files = walkFiles(contentDir).filter((f) => /\.(md|markdown|html)$/i.test(f))
  const pages = files.filter((f) => !/^_index\./.test(path.basename(f)) && !insideLeafBundle(f, contentDir))
  const sections = mainSections(config, pages, contentDir)
  const site: SourceSite = {
    kind: 'hugo',
    root,
    baseUrl: stringOf(config.baseurl)?.replace(/\/?$/, '/'),
    posts: [],
    staticDirs: [path.join(root, 'static'), contentDir, path.join(root, 'assets')],
    authors: new Map(),
  }
  for (const file of pages) {
    const section = path.relative(contentDir, file).split(path.sep)[0]!
    if (!sections.includes(section) || !path.relative(contentDir, file).includes(path.sep)) {
      report.add(
        file,
        1,
        `left out: a page${section.includes('.') ? '' : ` of the "${section}" section`}, not a post (posts come from ${sections.map((s) => `content/${s}/`).join(', ')})`,
      )
      continue
    }
    const post = readPage(file, contentDir, config, report)
    if (post) site.posts.push(post)
  }
  return site
}

/** Other Markdown files inside a page bundle are its resources, not pages. */
function insideLeafBundle(file: string, contentDir: string): boolean {
  for (let dir = path.dirname(file); dir.startsWith(contentDir) && dir !== contentDir; dir = path.dirname(dir)) {
    const index = ['index.md', 'index.markdown', 'index.html'].map((n) => path.join(dir, n)).find((f) => fs.existsSync(f))
    if (index && index !== file) return true
  }
  return false
}

/** The sections that hold posts: params.mainSections, else posts/post/blog, else the largest. */
function mainSections(config: Config, pages: string[], contentDir: string): string[] {
  const given = namesOf(table(config.params).mainsections)
  if (given.length) return given
  const counts = new Map<string, number>()
  for (const page of pages) {
    const rel = path.relative(contentDir, page)
    if (rel.includes(path.sep)) counts.set(rel.split(path.sep)[0]!, (counts.get(rel.split(path.sep)[0]!) ?? 0) + 1)
  }
  const usual = ['posts', 'post', 'blog'].filter((s) => counts.has(s))
  return usual.length
    ? usual
    : [...counts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 1)
        .map(([s]) => s)
}

const KNOWN = [
  'title',
  'date',
  'publishdate',
  'pubdate',
  'published',
  'lastmod',
  'modified',
  'expirydate',
  'unpublishdate',
  'draft',
  'description',
  'summary',
  'categories',
  'category',
  'tags',
  'series',
  'toc',
  'comment',
  'comments',
  'aliases',
  'slug',
  'url',
  'author',
  'authors',
  'featuredimage',
  'featured_image',
  'cover',
  'image',
]

function readPage(file: string, contentDir: string, config: Config, report: ImportReport): SourcePost | undefined {
  const sf = readSourceFile(file, report)
  if (!sf) return undefined
  const data = lower(sf.data)
  const rel = path.relative(contentDir, file).split(path.sep).join('/')
  const bundle = /^index\.(md|markdown|html)$/i.test(path.basename(file))
  const fileSlug = bundle ? path.basename(path.dirname(file)) : path.basename(file).replace(/\.\w+$/, '')
  const slug = slugOf(stringOf(data.slug) ?? fileSlug)
  const note = (key: string, message: string) => report.add(file, sf.lineOf(key), message)
  const fields = hugoFields(data, note, fileSlug, fs.statSync(file).mtime)
  const section = rel.split('/')[0]!
  const dirs = path.posix.dirname(rel.replace(/\/index\.\w+$/, '/x'))
  const defaultPath = `/${dirs}/${stringOf(data.slug) ?? fileSlug}/`
  const pattern = stringOf(table(config.permalinks)[section]) ?? stringOf(table(table(config.permalinks).page)[section])
  const oldPath =
    stringOf(data.url) ?? (pattern ? permalink(pattern, { ...fields, section, slug: stringOf(data.slug), fileSlug }) : defaultPath)
  leftOutKeys(data, KNOWN, note)
  return {
    file,
    slug,
    fields: { ...fields, aliases: hugoAliases(data.aliases, section) },
    body: sf.body,
    bodyLine: sf.bodyLine,
    fieldLine: sf.lineOf,
    format: file.endsWith('.html') ? 'html' : 'markdown',
    dir: path.dirname(file),
    oldPath: config.uglyurls === true && !stringOf(data.url) ? oldPath.replace(/\/$/, '.html') : oldPath.toLowerCase(),
    keys: [refKey(rel), refKey(rel.replace(/^[^/]+\//, '')), refKey(fileSlug), slug],
    shortcodes: hugoShortcodes,
  }
}

/** Hugo aliases without a leading slash are relative to the page's section. */
const hugoAliases = (value: unknown, section: string) =>
  namesOf(value).map((a) => (a.startsWith('/') || /^https?:/.test(a) ? a : `/${section}/${a}`))

function hugoFields(
  data: Record<string, unknown>,
  note: (key: string, message: string) => void,
  fileSlug: string,
  mtime: Date,
): PostFields {
  const dateKey = ['publishdate', 'pubdate', 'published', 'date'].find((k) => dateText(data[k]))
  let date = dateKey ? dateText(data[dateKey])! : undefined
  if (!date) {
    date = mtime.toISOString().replace(/\.\d+Z$/, 'Z')
    note('date', `no date: dated ${date}, when the file was last changed`)
  }
  const updated = dateText(data.lastmod ?? data.modified)
  let draft = data.draft === true
  const expiry = dateText(data.expirydate ?? data.unpublishdate)
  if (expiry && new Date(expiry).getTime() < Date.now()) {
    draft = true
    note('expirydate', `expired on ${expiry}, so the old site no longer showed it: imported as a draft`)
  } else if (expiry) note('expirydate', `expiryDate ${expiry} left out: Inkwell posts do not expire (set draft: true then)`)
  const series = namesOf(data.series)
  if (series.length > 1) note('series', `in several series (${series.join(', ')}): Inkwell keeps one, ${series[0]}`)
  const authors = namesOf(data.author ?? data.authors)
  if (authors.length > 1) note('author', `several authors (${authors.join(', ')}): Inkwell keeps the first, ${authors[0]}`)
  const title = stringOf(data.title)
  if (!title) note('title', `no title: titled "${fileSlug}" after the file`)
  return {
    title: title ?? fileSlug,
    date,
    updated: updated && updated !== date ? updated : undefined,
    summary: stringOf(data.summary) ?? stringOf(data.description),
    author: authors[0],
    categories: namesOf(data.categories ?? data.category),
    tags: namesOf(data.tags),
    series: series[0],
    draft,
    toc: flagOf(data.toc),
    comments: flagOf(data.comments ?? data.comment),
    cover: coverOf(data),
    aliases: [],
  }
}

const coverOf = (data: Record<string, unknown>) =>
  stringOf(data.featuredimage) ??
  stringOf(data.featured_image) ??
  stringOf(data.image) ??
  stringOf(table(data.cover).image) ??
  stringOf(data.cover)

interface Tag {
  start: number
  end: number
  delim: string
  name: string
  args: string
  closing: boolean
  /** An escaped shortcode (an opening tag followed by a comment): the shortcode's own text, shown as it is. */
  literal?: string
}

/** Every {{< … >}} and {{% … %}} tag in a text, quotes respected. */
export function hugoTags(text: string): Tag[] {
  const tags: Tag[] = []
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 1)) {
    const delim = text[i + 2]
    if (delim !== '<' && delim !== '%') continue
    const close = `${delim === '<' ? '>' : '%'}}}`
    const body = /^\s*\/\*/.exec(text.slice(i + 3))
    if (body) {
      const end = text.indexOf(`*/${close}`, i)
      if (end < 0) continue
      const inner = text.slice(i + 3 + body[0].length, end)
      tags.push({ start: i, end: end + 2 + close.length, delim, name: '', args: '', closing: false, literal: `{{${delim}${inner}${close}` })
      i = end
      continue
    }
    let k = i + 3
    for (let quote = ''; k < text.length; k++) {
      const ch = text[k]!
      if (quote) quote = ch === quote && text[k - 1] !== '\\' ? '' : quote
      else if (ch === '"' || ch === '`') quote = ch
      else if (text.startsWith(close, k)) break
    }
    const inside = text.slice(i + 3, k).trim()
    const m = /^(\/)?\s*([\w./-]+)([\s\S]*?)\/?$/.exec(inside)
    if (m) tags.push({ start: i, end: k + 3, delim, name: m[2]!.toLowerCase(), args: m[3]!.trim(), closing: Boolean(m[1]) })
    i = k
  }
  return tags
}

/** Hugo's shortcodes in a text, outermost first, each with its inner text when paired. */
export const hugoShortcodes: ShortcodeScanner = async (text, ctx, lineAt) => {
  const tags = hugoTags(text)
  const out: Replacement[] = []
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!
    if (tag.literal) {
      out.push({ start: tag.start, end: tag.end, text: tag.literal })
      continue
    }
    if (tag.closing) {
      ctx.note(lineAt(tag.start), `closing shortcode {{< /${tag.name} >}} without an opening one: kept as text`)
      continue
    }
    const closeAt = closingTag(tags, i)
    const end = closeAt >= 0 ? tags[closeAt]!.end : tag.end
    const sc: Shortcode = {
      name: tag.name,
      args: parseArgs(tag.args),
      start: tag.start,
      end,
      line: lineAt(tag.start),
      original: text.slice(tag.start, end),
    }
    if (closeAt >= 0) {
      sc.inner = text.slice(tag.end, tags[closeAt]!.start)
      sc.innerLine = lineAt(tag.end)
      i = closeAt
    }
    out.push(tag.name === 'ref' || tag.name === 'relref' ? refReplacement(sc, ctx) : await replace(sc, ctx))
  }
  return out
}

function closingTag(tags: Tag[], open: number): number {
  let depth = 0
  for (let j = open; j < tags.length; j++) {
    const t = tags[j]!
    if (t.name !== tags[open]!.name || t.literal) continue
    if (!t.closing) depth++
    else if (--depth === 0) return j
  }
  return -1
}

/** `ref`/`relref`: the new address of the post it names, or its old one (the link check then reports it). */
function refReplacement(sc: Shortcode, ctx: ConvertContext): Replacement {
  const target = sc.args.named.path ?? sc.args.positional[0] ?? ''
  const found = ctx.resolveRef(target)
  if (found) return { start: sc.start, end: sc.end, text: `${pagePath.post(found.slug)}${found.anchor ? `#${found.anchor}` : ''}` }
  const [page = '', anchor] = target.split('#')
  return { start: sc.start, end: sc.end, text: page ? `/${refKey(page)}/${anchor ? `#${anchor}` : ''}` : `#${anchor ?? ''}` }
}
