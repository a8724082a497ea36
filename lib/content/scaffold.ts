import fs from 'node:fs'
import path from 'node:path'
import { slugify } from '../slug'
import { toOffsetDateTime } from './dates'
import { findPostFiles } from './discover'
import type { PostFormat } from './format'
import { parseYaml, readYamlFile, splitFrontmatter } from './frontmatter'
import { frontmatterSchema, siteSchema } from './schema'

export interface NewPost {
  /** The content folder (site.yaml, posts/). */
  root: string
  title: string
  series?: string
  category?: string
  /** A folder post (`<slug>/index.mdx`) with room for images. */
  folder?: boolean
  /** `md`: a plain Markdown post (`.md`: no components, `{` and `<` are text); default `mdx`. */
  format?: PostFormat
  now: Date
}

/** Writes a new draft with valid frontmatter and returns its path; never overwrites a file. */
export function createPost(options: NewPost): string {
  const title = options.title.trim()
  if (!title) throw new Error('give the post a title: npm run new -- "My post"')
  const slug = slugify(title)
  if (!slug) throw new Error(`"${title}" gives no URL slug; use a title with letters or digits`)
  const site = readYamlFile(path.join(options.root, 'site.yaml'), siteSchema, 'site config').data
  if (!site) throw new Error('content/site.yaml has errors; run npm run check')
  const postsDir = path.join(options.root, 'posts')
  const ext = options.format ?? 'mdx'
  const file = options.folder ? path.join(postsDir, slug, `index.${ext}`) : path.join(postsDir, `${slug}.${ext}`)
  // Any post with this slug, in either layout and either format, is the same URL.
  const taken = ['mdx', 'md'].flatMap((e) => [path.join(postsDir, `${slug}.${e}`), path.join(postsDir, slug, `index.${e}`)])
  for (const existing of taken) {
    if (fs.existsSync(existing)) throw new Error(`${path.relative(process.cwd(), existing)} already exists (choose another title)`)
  }

  const quote = (text: string) => JSON.stringify(text)
  const lines = ['---', `title: ${quote(title)}`, `date: ${toOffsetDateTime(options.now, site.timeZone)}`]
  if (options.category) lines.push(`categories: [${quote(options.category)}]`)
  if (options.series) {
    const { name, part } = nextSeriesPart(postsDir, options.series)
    lines.push(`series: ${quote(name)}`, `seriesPart: ${part}`)
  }
  lines.push('draft: true', '---', '', 'The first paragraph is the summary in lists and feeds.', '')

  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, lines.join('\n'), { flag: 'wx' })
  return file
}

/** The series' name as its posts spell it, and one more than its highest part (drafts too). */
function nextSeriesPart(postsDir: string, series: string): { name: string; part: number } {
  const key = series.trim().toLowerCase()
  let name = series.trim()
  let highest = 0
  for (const file of findPostFiles(postsDir, [])) {
    const split = splitFrontmatter(fs.readFileSync(file, 'utf8'))
    if (!split) continue
    const { data } = parseYaml({ file, ...split, schema: frontmatterSchema, unknownKeys: 'warning', what: 'frontmatter' })
    if (data?.series?.trim().toLowerCase() !== key) continue
    name = data.series.trim()
    highest = Math.max(highest, data.seriesPart ?? 1)
  }
  return { name, part: highest + 1 }
}
