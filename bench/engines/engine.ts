// What every engine module offers the bench, and the helpers they share.
import fs from 'node:fs'
import path from 'node:path'

import type { Run } from '../measure'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Everything the bench generates lives here (gitignored). */
export const WORK = path.join(ROOT, 'bench', 'work')
/** Debian's Chromium: Lighthouse and the edit on screen in next dev (Playwright cannot download its own). */
export const CHROMIUM = '/usr/bin/chromium'

export interface BuildContext {
  /** Kills a build (and its process tree) that takes longer. */
  timeoutMs: number
  /** Log file for one step, e.g. log('build') → bench/work/logs/astro-100-build.log. */
  log: (step: string) => string
}

export interface Engine {
  name: 'inkwell' | 'astro' | 'hugo'
  /** Installs what it needs (once) and returns its version, or throws with the reason it cannot run. */
  setup(): Promise<string>
  /** Takes the corpus (an Inkwell content folder) into its own project, converted to its own format. */
  prepare(content: string): void
  /** A cold build: output and every cache removed first. */
  build(ctx: BuildContext): Promise<Run>
  /** Appends a paragraph to the newest post and builds again, caches warm. */
  rebuild(ctx: BuildContext): Promise<Run>
  /** Bytes of what the build wrote that a host would serve. */
  outputBytes(): number
}

/** The environment for a child build: ours, without what would change what it builds. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1', ...extra }
  // NODE_OPTIONS would change heap limits; the others change what Inkwell builds.
  for (const key of [
    'NODE_ENV',
    'NODE_OPTIONS',
    'SITE_URL',
    'INKWELL_DRAFTS',
    'INKWELL_DIST_DIR',
    'INKWELL_OUTPUT',
    'INKWELL_CACHE',
    'INKWELL_NOW',
  ]) {
    if (!(key in extra)) delete env[key]
  }
  return env
}

/** Copies the files of `from` into `to` (overwriting, keeping what else is there). */
export function copyInto(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, force: true })
}

/** Post folders of a corpus content folder, oldest first (post-00001 …). */
export function postSlugs(content: string): string[] {
  return fs.readdirSync(path.join(content, 'posts')).sort()
}

export const EDIT = '\n\nAn edit made by the benchmark: this paragraph was appended to time a rebuild after changing one post.\n'

/** Appends the benchmark's paragraph to a post file (the newest post: the one an author edits). */
export function appendParagraph(file: string): void {
  fs.appendFileSync(file, EDIT)
}

export const rm = (...paths: string[]) => {
  for (const p of paths) fs.rmSync(p, { recursive: true, force: true })
}
