import fs from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'

import { pagePath } from '../routes'
import { refKey } from './convert'
import { dateText, flagOf, namesOf, readSourceFile, slugOf, stringOf } from './frontmatter'
import type { ImportReport } from './report'
import { parseArgs, replace, type Shortcode } from './shortcodes'
import { leftOutKeys, permalink, walkFiles } from './source-utils'
import type { ConvertContext, Replacement, ShortcodeScanner, SourcePost, SourceSite } from './types'

// A Jekyll site: _config.yml (permalink style, url), _posts/YYYY-MM-DD-slug.md (and _drafts/),
// YAML frontmatter, and the Liquid that posts use: highlight, raw, comment, post_url, link, includes.

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
}

/** Reads a Jekyll site at `root`. */
export async function readJekyll(root: string, report: ImportReport): Promise<SourceSite> {
  const configFile = path.join(root, '_config.yml')
  const config = (fs.existsSync(configFile) ? parseYaml(fs.readFileSync(configFile, 'utf8')) : {}) as Record<string, unknown>
  const url = stringOf(config.url)
  const baseurl = stringOf(config.baseurl) ?? ''
  const site: SourceSite = {
    kind: 'jekyll',
    root,
    baseUrl: url ? `${url.replace(/\/$/, '')}${baseurl}/` : undefined,
    posts: [],
    staticDirs: [root],
    authors: new Map(),
  }
  const style = stringOf(config.permalink) ?? 'date'
  const pattern = STYLES[style] ?? style
  const isPost = (f: string) => /\.(md|markdown|mkd|html)$/i.test(f)
  for (const file of walkFiles(root).filter(isPost)) {
    const rel = path.relative(root, file).split(path.sep)
    const kind = rel.includes('_posts') ? 'post' : rel[0] === '_drafts' ? 'draft' : undefined
    if (!kind) continue
    const post = readPost(file, { root, rel, draft: kind === 'draft', pattern, excerpt: stringOf(config.excerpt_separator), report })
    if (post) site.posts.push(post)
  }
  for (const page of walkFiles(root).filter((f) => isPost(f) && !/(^|\/)(_|\.|node_modules|vendor)/.test(path.relative(root, f)))) {
    if (path.basename(page) !== 'README.md')
      report.add(page, 1, 'left out: a page of the site, not a post (posts come from _posts/ and _drafts/)')
  }
  return site
}

interface PostOptions {
  root: string
  rel: string[]
  draft: boolean
  pattern: string
  excerpt?: string
  report: ImportReport
}

const KNOWN = [
  'title',
  'date',
  'categories',
  'category',
  'tags',
  'tag',
  'permalink',
  'published',
  'excerpt',
  'description',
  'author',
  'last_modified_at',
  'redirect_from',
  'toc',
  'comments',
  'image',
  'slug',
  'layout',
]

function readPost(file: string, o: PostOptions): SourcePost | undefined {
  const sf = readSourceFile(file, o.report)
  if (!sf) return undefined
  const data = sf.data
  const note = (key: string, message: string) => o.report.add(file, sf.lineOf(key), message)
  const stem = path.basename(file).replace(/\.\w+$/, '')
  const named = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(stem)
  if (!named && !o.draft) note('date', 'the file name does not start with a date (YYYY-MM-DD-): dated from the frontmatter')
  const fileSlug = stringOf(data.slug) ?? named?.[2] ?? stem
  const date = dateText(data.date) ?? named?.[1] ?? fs.statSync(file).mtime.toISOString().slice(0, 10)
  if (!dateText(data.date) && !named) note('date', `no date: dated ${date}, when the file was last changed`)
  // Folders above _posts/ are categories too.
  const folderCategories = o.draft ? [] : o.rel.slice(0, o.rel.indexOf('_posts')).filter(Boolean)
  const categories = [...folderCategories, ...namesOf(data.categories ?? data.category, true)]
  const title = stringOf(data.title) ?? fileSlug.replace(/-/g, ' ')
  leftOutKeys({ ...data, layout: undefined }, [...KNOWN, 'layout'], note)
  if (data.layout && data.layout !== 'post')
    note('layout', `layout "${String(data.layout)}" left out: every Inkwell post has the same layout`)
  const old = stringOf(data.permalink) ?? permalink(o.pattern, { date, title, slug: fileSlug, fileSlug, titleToken: fileSlug, categories })
  return {
    file,
    slug: slugOf(fileSlug),
    fields: {
      title,
      date,
      updated: dateText(data.last_modified_at),
      summary: stringOf(data.excerpt) ?? stringOf(data.description),
      author: namesOf(data.author)[0],
      categories,
      tags: namesOf(data.tags ?? data.tag, true),
      draft: o.draft || data.published === false,
      toc: flagOf(data.toc),
      comments: flagOf(data.comments),
      cover: stringOf(data.image) ?? stringOf((data.image as { path?: string } | undefined)?.path),
      aliases: namesOf(data.redirect_from),
    },
    body: kramdownMarkers(o.excerpt ? sf.body.replace(o.excerpt, '<!--more-->') : sf.body, (line, message) =>
      o.report.add(file, sf.bodyLine + line, message),
    ),
    bodyLine: sf.bodyLine,
    fieldLine: sf.lineOf,
    format: file.endsWith('.html') ? 'html' : 'markdown',
    dir: path.dirname(file),
    oldPath: o.draft ? undefined : old,
    keys: [stem.toLowerCase(), refKey(o.rel.join('/')), slugOf(fileSlug)],
    shortcodes: liquid,
  }
}

/** kramdown's `* TOC` + `{:toc}` and attribute lists (`{: .class}`) on lines of their own: blanked, so lines keep their numbers. */
function kramdownMarkers(body: string, note: (line: number, message: string) => void): string {
  const lines = body.split('\n')
  lines.forEach((line, i) => {
    if (/^\s*\{:toc\}\s*$/.test(line)) {
      note(i, '{:toc} left out: Inkwell makes the table of contents itself (toc: false in the frontmatter turns it off)')
      lines[i] = ''
      if (/^\s*[*-]\s+/.test(lines[i - 1] ?? '')) lines[i - 1] = ''
    } else if (/^\s*\{::?[^{}]*\}\s*$/.test(line)) {
      note(i, `kramdown attribute list ${line.trim()} left out: Inkwell posts take no classes or ids`)
      lines[i] = ''
    }
  })
  return lines.join('\n')
}

const TAG = /\{%-?\s*(\w+)([\s\S]*?)-?%\}|\{\{-?([\s\S]*?)-?\}\}/g
const PAIRED = new Set(['highlight', 'raw', 'comment', 'capture', 'if', 'unless', 'for', 'case'])

/** Liquid in a post: tags Inkwell can stand for are converted, the rest kept as text (reported). */
export const liquid: ShortcodeScanner = async (text, ctx, lineAt) => {
  const out: Replacement[] = []
  // Its own regex: converting a tag's content scans that content with this function too.
  const tags = new RegExp(TAG)
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    const start = m.index
    const line = lineAt(start)
    if (m[3] !== undefined) {
      out.push(output(m[3].trim(), start, start + m[0].length, ctx, line))
      continue
    }
    const name = m[1]!
    let end = start + m[0].length
    let inner: string | undefined
    if (PAIRED.has(name)) {
      const close = new RegExp(`\\{%-?\\s*end${name}\\s*-?%\\}`, 'g')
      close.lastIndex = end
      const found = close.exec(text)
      if (found) {
        inner = text.slice(end, found.index)
        end = found.index + found[0].length
        tags.lastIndex = end
      }
    }
    const sc: Shortcode = {
      name,
      args: parseArgs(m[2]!.trim()),
      inner,
      innerLine: lineAt(start + m[0].length),
      start,
      end,
      line,
      original: text.slice(start, end),
    }
    out.push(await liquidTag(sc, m[2]!.trim(), ctx))
  }
  return out
}

/** `{{ … }}`: site.baseurl and site.url are the old site's and go away; a quoted path through relative_url is that path. */
function output(expr: string, start: number, end: number, ctx: ConvertContext, line: number): Replacement {
  if (/^site\.(baseurl|url)$/.test(expr)) return { start, end, text: '' }
  const quoted = /^["']([^"']*)["']\s*\|\s*(relative_url|absolute_url)$/.exec(expr)
  if (quoted) return { start, end, text: quoted[1]! }
  ctx.note(line, `Liquid {{ ${expr} }} kept as text: Inkwell posts have no template variables`)
  return { start, end, nodes: [{ type: 'inlineCode', value: `{{ ${expr} }}` }], block: false, original: `{{ ${expr} }}` }
}

async function liquidTag(sc: Shortcode, raw: string, ctx: ConvertContext): Promise<Replacement> {
  const at = { start: sc.start, end: sc.end }
  if (sc.name === 'raw') return { ...at, text: sc.inner ?? '' }
  if (sc.name === 'comment') {
    ctx.note(sc.line, 'Liquid comment left out: it was never shown on the old site either')
    return { ...at, nodes: [], block: false, original: sc.original }
  }
  if (sc.name === 'post_url' || sc.name === 'link') {
    const found = ctx.resolveRef(raw.replace(/^_posts\//, ''))
    if (found) return { ...at, text: pagePath.post(found.slug) }
    ctx.note(sc.line, `{% ${sc.name} ${raw} %}: no such post was imported`)
    return { ...at, text: `/${refKey(raw)}` }
  }
  if (sc.name === 'highlight') {
    const marked = /mark_lines="([^"]+)"/.exec(raw)?.[1]
    const args = {
      positional: [sc.args.positional[0] ?? '', [...sc.args.positional.slice(1), marked ? `hl_lines=${marked}` : ''].join(',')],
      named: {},
    }
    return replace({ ...sc, args }, ctx)
  }
  if (sc.name === 'include') {
    const file = sc.args.positional[0] ?? ''
    const kind = /^(youtube|vimeo)/.exec(file)?.[1]
    if (kind)
      return replace(
        { ...sc, name: kind, args: { positional: [sc.args.named.id ?? sc.args.positional[1] ?? ''], named: sc.args.named } },
        ctx,
      )
    return replace({ ...sc, name: `include ${file}` }, ctx)
  }
  return replace(sc, ctx)
}
