import fs from 'node:fs'
import { parse as parseToml, TomlDate } from 'smol-toml'
import { Document, parse as parseYaml } from 'yaml'

import { slugify } from '../slug'
import type { PostFields } from './types'

// Reading the frontmatter of the sources (YAML between ---, TOML between +++, a JSON object) and
// writing Inkwell's.

/** A source file split into its frontmatter data and its body. */
export interface SourceFile {
  data: Record<string, unknown>
  body: string
  /** File line of the body's first line. */
  bodyLine: number
  /** File line of a frontmatter key (the first line of the frontmatter when not found). */
  lineOf(key: string): number
}

/** Splits and parses frontmatter: `---` YAML, `+++` TOML or a leading JSON object. Throws on a syntax error, with the line. */
export function readFrontmatter(text: string): SourceFile {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const fence = /^(---|\+\+\+)[ \t]*\n([\s\S]*?)\n?^(---|\+\+\+|\.\.\.)[ \t]*$\n?/m.exec(source)
  if (fence && fence.index === 0) {
    const raw = fence[2]!
    const data = (fence[1] === '+++' ? parseToml(raw) : (parseYaml(raw) ?? {})) as Record<string, unknown>
    return located(source, data, raw, fence[0].length, 2)
  }
  if (source.startsWith('{')) {
    const end = jsonEnd(source)
    const raw = source.slice(0, end)
    return located(source, JSON.parse(raw) as Record<string, unknown>, raw, end, 1)
  }
  return { data: {}, body: source, bodyLine: 1, lineOf: () => 1 }
}

function located(source: string, data: Record<string, unknown>, raw: string, bodyStart: number, rawLine: number): SourceFile {
  const lines = raw.split('\n')
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? data : {},
    body: source.slice(bodyStart),
    bodyLine: (source.slice(0, bodyStart).match(/\n/g)?.length ?? 0) + 1,
    lineOf: (key) => {
      const re = new RegExp(`^\\s*"?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?\\s*[:=]|^\\s*\\[${key}\\]`)
      const at = lines.findIndex((l) => re.test(l))
      return rawLine + Math.max(at, 0)
    },
  }
}

/** The end of the JSON object a text starts with (Hugo's JSON frontmatter). */
function jsonEnd(text: string): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (inString) {
      if (ch === '\\') i++
      else if (ch === '"') inString = false
    } else if (ch === '"') inString = true
    else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return i + 1
  }
  return text.length
}

/** A source date (TOML date, YAML or JSON text) as Inkwell's date text; undefined when it is none. */
export function dateText(value: unknown): string | undefined {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|[Z+-])/, '')
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().replace(/\.000Z$/, 'Z')
  if (typeof value !== 'string') return undefined
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value.trim())
  if (!m) return undefined
  const [, day, time, zone] = m
  if (!time) return day
  const offset = zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')) : ''
  return `${day}T${time.padStart(time.indexOf(':') === 1 ? time.length + 1 : time.length, '0')}${offset}`
}

/** A list of names from a list or one string (optionally split on spaces, as Jekyll does). */
export function namesOf(value: unknown, splitSpaces = false): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? (splitSpaces ? value.split(/\s+/) : [value]) : []
  return list.map((v) => String(v).trim()).filter(Boolean)
}

export const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined

/** A boolean from true/false or an `{ enable: … }` table (LoveIt's toc and comment settings). */
export function flagOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value && typeof value === 'object' && 'enable' in value && typeof value.enable === 'boolean') return value.enable
  return undefined
}

/** A slug Inkwell accepts, from a source slug or file name. */
export const slugOf = (text: string) => slugify(text.replace(/\.[a-z]+$/i, '')) || 'post'

const ORDER: (keyof PostFields)[] = [
  'title',
  'date',
  'updated',
  'summary',
  'author',
  'categories',
  'tags',
  'series',
  'seriesPart',
  'draft',
  'toc',
  'comments',
  'cover',
  'aliases',
]

/** Inkwell frontmatter, in the order the README lists the fields, leaving out empty and default values. */
export function writeFrontmatter(fields: PostFields): string {
  const data: Record<string, unknown> = {}
  for (const key of ORDER) {
    const value = fields[key]
    if (value === undefined || (Array.isArray(value) && !value.length)) continue
    if ((key === 'draft' && value === false) || (key === 'toc' && value === true)) continue
    data[key] = value
  }
  const doc = new Document(data)
  // Lists of names on one line, as a person writes them.
  for (const key of ['categories', 'tags', 'aliases']) {
    const node = doc.get(key, true) as { flow?: boolean } | undefined
    if (node) node.flow = true
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`
}

/** A source post's frontmatter, or undefined with a report line when it cannot be read (the post is left out). */
export function readSourceFile(file: string, report: { add(file: string, line: number, message: string): void }): SourceFile | undefined {
  try {
    return readFrontmatter(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    report.add(
      file,
      1,
      `left out: its frontmatter cannot be read (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    )
    return undefined
  }
}
