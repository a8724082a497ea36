import fs from 'node:fs'
import path from 'node:path'
import { parse as parseToml } from 'smol-toml'

import { refKey } from './convert'
import { dateText, flagOf, namesOf, readFrontmatter, readSourceFile, slugOf, stringOf } from './frontmatter'
import type { ImportReport } from './report'
import { parseArgs, replace, type Shortcode } from './shortcodes'
import { leftOutKeys, walkFiles } from './source-utils'
import type { Replacement, ShortcodeScanner, SourcePost, SourceSite } from './types'

// A Zola site: config.toml, the pages of its dated sections (single files and page folders),
// TOML frontmatter with [taxonomies] and [extra], `@/` links, and {{ name() }} / {% name() %} shortcodes.

type Table = Record<string, unknown>
const table = (v: unknown): Table => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : {})

/** Reads a Zola site at `root`. */
export async function readZola(root: string, report: ImportReport): Promise<SourceSite> {
  const configFile = ['config.toml', 'zola.toml'].map((n) => path.join(root, n)).find((f) => fs.existsSync(f))
  const config = configFile ? table(parseToml(fs.readFileSync(configFile, 'utf8'))) : {}
  const contentDir = path.join(root, 'content')
  const files = walkFiles(contentDir).filter((f) => f.endsWith('.md'))
  const site: SourceSite = {
    kind: 'zola',
    root,
    baseUrl: stringOf(config.base_url)?.replace(/\/?$/, '/'),
    posts: [],
    staticDirs: [path.join(root, 'static'), contentDir],
    authors: new Map(),
  }
  const dated = datedSections(
    files.filter((f) => path.basename(f) === '_index.md'),
    contentDir,
  )
  for (const file of files.filter((f) => path.basename(f) !== '_index.md' && !isAsset(f))) {
    const section = path
      .relative(contentDir, path.dirname(path.basename(file) === 'index.md' ? path.dirname(file) : file))
      .split(path.sep)
      .join('/')
    if (!dated.has(section)) {
      report.add(
        file,
        1,
        `left out: a page of ${section ? `the "${section}" section` : 'the site'}, not a post (posts come from sections sorted by date: ${[...dated].map((s) => `content/${s}/`).join(', ') || 'none found'})`,
      )
      continue
    }
    const post = readPage(file, contentDir, section, report)
    if (post) site.posts.push(post)
  }
  return site
}

/** A Markdown file inside a page folder, other than its index.md, is one of its assets. */
const isAsset = (file: string) => path.basename(file) !== 'index.md' && fs.existsSync(path.join(path.dirname(file), 'index.md'))

/** Sections whose pages are posts: sorted by date, or called blog/posts. */
function datedSections(indexes: string[], contentDir: string): Set<string> {
  const sections = new Set<string>()
  for (const file of indexes) {
    const rel = path.relative(contentDir, path.dirname(file)).split(path.sep).join('/')
    const data = safeData(file)
    if (data.sort_by === 'date' || (!data.sort_by && /^(blog|posts?)$/.test(path.basename(rel)))) sections.add(rel)
  }
  return sections
}

function safeData(file: string): Table {
  try {
    return readFrontmatter(fs.readFileSync(file, 'utf8')).data
  } catch {
    return {}
  }
}

const KNOWN = ['title', 'description', 'date', 'updated', 'draft', 'slug', 'path', 'aliases', 'taxonomies', 'extra']

function readPage(file: string, contentDir: string, section: string, report: ImportReport): SourcePost | undefined {
  const sf = readSourceFile(file, report)
  if (!sf) return undefined
  const data = sf.data
  const note = (key: string, message: string) => report.add(file, sf.lineOf(key), message)
  const stem = path.basename(file) === 'index.md' ? path.basename(path.dirname(file)) : path.basename(file, '.md')
  const fromName = /^(\d{4}-\d{2}-\d{2})[-_](.+)$/.exec(stem)
  const slug = slugOf(stringOf(data.slug) ?? fromName?.[2] ?? stem)
  const tax = table(data.taxonomies)
  const extra = table(data.extra)
  leftOutKeys(data, KNOWN, note)
  for (const key of Object.keys(tax))
    if (!['tags', 'categories', 'series'].includes(key))
      note('taxonomies', `taxonomy ${key} left out: Inkwell has categories, tags and series`)
  for (const key of Object.keys(extra))
    if (!['toc', 'comments', 'comment', 'cover', 'image', 'series_part'].includes(key))
      note(key, `[extra] ${key} left out: Inkwell has no such field`)
  const date = dateText(data.date) ?? fromName?.[1]
  if (!date) note('date', 'no date: dated when the file was last changed')
  const rel = path.relative(contentDir, file).split(path.sep).join('/')
  return {
    file,
    slug,
    fields: {
      title: stringOf(data.title) ?? stem,
      date: date ?? fs.statSync(file).mtime.toISOString().slice(0, 10),
      updated: dateText(data.updated),
      summary: stringOf(data.description),
      categories: namesOf(tax.categories),
      tags: namesOf(tax.tags),
      series: namesOf(tax.series)[0],
      seriesPart: typeof extra.series_part === 'number' ? extra.series_part : undefined,
      draft: data.draft === true,
      toc: flagOf(extra.toc),
      comments: flagOf(extra.comments ?? extra.comment),
      cover: stringOf(extra.cover) ?? stringOf(extra.image),
      aliases: namesOf(data.aliases).map((a) => (a.startsWith('/') ? a : `/${a}`)),
    },
    body: sf.body,
    bodyLine: sf.bodyLine,
    fieldLine: sf.lineOf,
    format: 'markdown',
    dir: path.dirname(file),
    oldPath: stringOf(data.path) ? `/${stringOf(data.path)!.replace(/^\/|\/$/g, '')}/` : `/${section ? `${section}/` : ''}${slug}/`,
    keys: [refKey(rel), slug],
    shortcodes: zolaShortcodes,
  }
}

const TAG =
  /\{\{\s*([A-Za-z_]\w*)\(([^)]*)\)\s*\}\}|\{%\s*([A-Za-z_]\w*)\(([^)]*)\)\s*%\}|\{%\s*end\s*%\}|\{\{\/\*([\s\S]*?)\*\/\}\}|\{%\/\*([\s\S]*?)\*\/%\}/g

/** Zola's shortcodes: `{{ name(args) }}` inline, `{% name(args) %}body{% end %}` with a body. */
export const zolaShortcodes: ShortcodeScanner = async (text, ctx, lineAt) => {
  const tags = [...text.matchAll(TAG)]
  const out: Replacement[] = []
  for (let i = 0; i < tags.length; i++) {
    const m = tags[i]!
    const start = m.index
    if (m[5] !== undefined || m[6] !== undefined) {
      out.push({ start, end: start + m[0].length, text: m[5] !== undefined ? `{{${m[5]}}}` : `{%${m[6]}%}` })
      continue
    }
    if (/^\{%\s*end/.test(m[0])) continue
    const name = (m[1] ?? m[3])!.toLowerCase()
    const sc: Shortcode = {
      name,
      args: parseArgs(m[2] ?? m[4] ?? ''),
      start,
      end: start + m[0].length,
      line: lineAt(start),
      original: m[0],
    }
    if (m[3]) {
      let depth = 1
      let j = i + 1
      for (; j < tags.length; j++) {
        if (tags[j]![3]) depth++
        else if (/^\{%\s*end/.test(tags[j]![0]) && --depth === 0) break
      }
      const close = tags[j]
      if (close) {
        sc.inner = text.slice(sc.end, close.index)
        sc.innerLine = lineAt(sc.end)
        sc.end = close.index + close[0].length
        sc.original = text.slice(start, sc.end)
        i = j
      }
    }
    out.push(await replace(sc, ctx))
  }
  return out
}
