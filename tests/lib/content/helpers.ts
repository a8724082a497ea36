import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, onTestFinished } from 'vitest'
import { ContentError, formatProblem, loadContent, type Content } from '@/lib/content'
import type { LoadOptions } from '@/lib/content/load'

// Helpers for content tests that need one odd file: a throwaway site in the temp folder, removed
// when the test ends, and the problems loading it reports, as `posts/a.mdx:3:7 message` lines.

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/unit')

/** The moment the tests load content at: decides which posts are "future". */
export const NOW = new Date('2025-06-01T00:00:00Z')

export const SITE_YAML = 'title: T\ndescription: D\nurl: https://example.org\nauthor: Someone\n'

/** A 64×48 PNG, for posts that need a real image next to them. */
export const CHART_PNG = fs.readFileSync(path.join(FIXTURES, 'good/posts/with-images/chart.png'))

/** Writes `files` (paths relative to the content root) into a new temporary site; returns its root. */
export function tempSite(files: Record<string, string | Buffer>, siteYaml: string | null = SITE_YAML): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-unit-'))
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }))
  fs.mkdirSync(path.join(root, 'posts'))
  if (siteYaml !== null) fs.writeFileSync(path.join(root, 'site.yaml'), siteYaml)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  return root
}

/** A post file: frontmatter lines (title and date unless given), a blank line, then the body. */
export function post(frontmatter: string[], body: string): string {
  const lines = [...frontmatter]
  if (!lines.some((l) => l.startsWith('title:'))) lines.unshift('title: T')
  if (!lines.some((l) => l.startsWith('date:'))) lines.splice(1, 0, 'date: 2025-01-01')
  return ['---', ...lines, '---', '', body].join('\n')
}

export function load(root: string, options: Partial<LoadOptions> = {}): Promise<Content> {
  return loadContent({ root, includeDrafts: false, now: NOW, ...options })
}

/** Loads a site that must fail; returns every problem as `file:line:col message`, file relative to the root. */
export async function rejection(root: string, options: Partial<LoadOptions> = {}): Promise<string[]> {
  const error = await load(root, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ContentError)
  const problems = (error as ContentError).problems
  for (const p of problems) expect(path.isAbsolute(p.file), p.file).toBe(true)
  return problems.map((p) => formatProblem(p, root))
}
