import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { checkContent } from '@/lib/check'
import { formatProblem } from '@/lib/content'
import { runImport, type ImportResult, type SourceKind } from '@/lib/import'
import type { Download } from '@/lib/import/types'

export const ROOT = path.resolve(import.meta.dirname, '../../..')
export const FIXTURES = path.join(ROOT, 'tests/fixtures/import')

/** The fixture of each source: a site folder, or the WordPress export file. */
export const SOURCE: Record<SourceKind, string> = {
  hugo: path.join(FIXTURES, 'hugo'),
  zola: path.join(FIXTURES, 'zola'),
  jekyll: path.join(FIXTURES, 'jekyll'),
  wordpress: path.join(FIXTURES, 'wordpress/export.xml'),
}

/** No network here: every download fails the way an unreachable host does. */
export const offline: Download = async () => 'ENOTFOUND'

/** A new site folder with the sample site.yaml and no posts: `<dir>/content`. */
export function emptySite(prefix = 'inkwell-import-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.mkdirSync(path.join(dir, 'content'))
  fs.copyFileSync(path.join(ROOT, 'content/site.yaml'), path.join(dir, 'content/site.yaml'))
  return dir
}

/** Imports one fixture into `dir` (a folder from emptySite), comments into `dir/data`. */
export function importFixture(kind: SourceKind, dir: string, download: Download = offline): Promise<ImportResult> {
  return runImport(kind, SOURCE[kind], { out: path.join(dir, 'content/posts'), download, database: { dataDir: path.join(dir, 'data') } })
}

/** `npm run check` on an imported site: its problems as `posts/x.mdx:3:1 message` lines. */
export async function check(content: string): Promise<string[]> {
  const env = { ...process.env, INKWELL_CONTENT_DIR: content, INKWELL_CACHE: '0', INKWELL_NOW: '2026-01-01T00:00:00Z' }
  return (await checkContent(env)).problems.map((p) => formatProblem(p, content))
}

/** A written post's text, by its path under content/posts. */
export const readPost = (dir: string, rel: string) => fs.readFileSync(path.join(dir, 'content/posts', rel), 'utf8')
