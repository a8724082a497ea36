import fs from 'node:fs'
import path from 'node:path'
import { slugify } from '../slug'
import { pagePath } from '../routes'
import { compileAndStore } from './cache'
import { readContentFile } from './files'
import { splitFrontmatter } from './frontmatter'
import type { Post, SeriesEntry } from './load'
import type { PostEnv } from './post-env'
import { postLink } from './post-list'
import type { Problem } from './problems'
import { buildSeries, type IndexProblem } from './taxonomy'

/**
 * The series of this build, each with its parts among the `posts` it shows, and each part told
 * where it stands. Numbering is checked over `all` posts, drafts included, so a draft part is not a gap.
 */
export function seriesEntries(all: Post[], posts: Post[], report: (problem: IndexProblem<Post>) => void): SeriesEntry[] {
  const visible = new Set(posts)
  const series: SeriesEntry[] = []
  for (const s of buildSeries(all, report)) {
    const parts = s.posts.filter((p) => visible.has(p))
    if (!parts.length) continue
    const times = parts.map((p) => p.date.getTime())
    series.push({ ...s, posts: parts, first: new Date(Math.min(...times)), last: new Date(Math.max(...times)) })
    parts.forEach((post, i) => {
      post.seriesInfo = { name: s.name, slug: s.slug, part: i + 1, total: parts.length, parts: parts.map(postLink) }
    })
  }
  return series
}

/** Adds each series' introduction, content/series/<slug>.mdx, compiled like a post; warns about one that no post's series is named for. */
export async function addSeriesIntroductions(series: SeriesEntry[], all: Post[], env: PostEnv, problems: Problem[]): Promise<void> {
  const dir = path.join(/*turbopackIgnore: true*/ env.root, 'series')
  if (!fs.existsSync(dir)) return
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.mdx')) continue
    const file = path.join(/*turbopackIgnore: true*/ dir, name)
    const slug = name.slice(0, -4)
    const entry = series.find((s) => s.slug === slug)
    if (!entry) {
      if (!all.some((p) => p.series && slugify(p.series) === slug)) {
        const names = series.map((s) => `${s.slug}.mdx`).join(', ') || 'no series yet'
        problems.push({ severity: 'warning', file, line: 1, column: 1, message: `no post belongs to a series with slug "${slug}" (name the file after the series: ${names})` })
      }
      continue
    }
    const source = readContentFile(file, env.root, problems)
    if (source === undefined) continue
    const { trustedCode, trustedHtml } = env.site
    const options = { file, dir, assetBase: pagePath.series(entry.slug), publicDir: env.publicDir, contentDir: env.root, trustedCode, trustedHtml }
    const compiled = await compileAndStore(splitFrontmatter(source)?.body ?? source, options, null)
    problems.push(...compiled.problems)
    entry.description = compiled.code
  }
}
