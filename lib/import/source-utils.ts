import fs from 'node:fs'
import path from 'node:path'

import { slugify } from '../slug'

// Small helpers the source readers share.

/** Every file under `dir`, sorted; folders starting with `.` are skipped. */
export function walkFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...walkFiles(full))
    else if (entry.isFile()) out.push(full)
  }
  return out
}

const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** Reports each frontmatter key Inkwell has no field for. */
export function leftOutKeys(data: Record<string, unknown>, known: string[], note: (key: string, message: string) => void) {
  for (const [key, value] of Object.entries(data)) {
    if (!known.includes(key.toLowerCase())) note(key, `frontmatter ${key}: ${shown(value)} left out: Inkwell has no such field`)
  }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']

/** What a permalink pattern's placeholders stand for. */
export interface PermalinkValues {
  date: string
  title: string
  section?: string
  slug?: string
  fileSlug: string
  categories?: string[]
  /** What `:title` stands for, when it is not the title slugified (Jekyll: the file's slug). */
  titleToken?: string
}

/**
 * Expands a Hugo, Zola or Jekyll permalink pattern (`/:year/:month/:title/`, `/:categories/:slug`),
 * with the placeholders all three share.
 */
export function permalink(pattern: string, v: PermalinkValues): string {
  const [year = '', month = '', day = ''] = v.date.slice(0, 10).split('-')
  const time = /T(\d{2}):(\d{2}):(\d{2})/.exec(v.date)
  const values: Record<string, string> = {
    year,
    month,
    i_month: String(Number(month)),
    monthname: MONTHS[Number(month) - 1] ?? '',
    short_month: (MONTHS[Number(month) - 1] ?? '').slice(0, 3),
    day,
    i_day: String(Number(day)),
    y_day: String(Math.floor((Date.parse(v.date.slice(0, 10)) - Date.parse(`${year}-01-01`)) / 86_400_000) + 1).padStart(3, '0'),
    short_year: year.slice(2),
    hour: time?.[1] ?? '00',
    minute: time?.[2] ?? '00',
    second: time?.[3] ?? '00',
    title: v.titleToken ?? slugify(v.title),
    slug: v.slug ?? slugify(v.title),
    slugorfilename: v.slug ?? v.fileSlug,
    slugorcontentbasename: v.slug ?? v.fileSlug,
    filename: v.fileSlug,
    contentbasename: v.fileSlug,
    section: v.section ?? '',
    sections: v.section ?? '',
    categories: (v.categories ?? []).map(slugify).join('/'),
    output_ext: '.html',
  }
  const expanded = pattern.replace(/:([a-z_]+)/g, (whole, key: string) => values[key] ?? whole)
  return `/${expanded.replace(/^\/+/, '').replace(/\/{2,}/g, '/')}`
}
