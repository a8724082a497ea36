// Inkwell itself, built from a snapshot of the repository (a git ref, HEAD by default) in a folder
// of its own outside the repository (SITE). Building a copy, not the work tree, keeps the bench
// away from the developer's .next/, out/ and compile cache (a static export always writes .next/),
// measures exactly the commit recorded in the results, and lets the cache be emptied for a cold build.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { dirBytes, measure, type Run } from '../measure'
import { appendParagraph, childEnv, postSlugs, rm, ROOT, type BuildContext, type Engine } from './engine'

/**
 * Outside the repository, as a clone or an unpacked archive is. Tailwind finds class names by
 * walking the project and skips what .gitignore names; inside bench/work/, a folder the
 * repository's own .gitignore excludes, it applied no ignore file at all and read .next/, out/ and
 * every package (74,000 files instead of 263): a 100-post build took 37 s instead of 26 s, and the
 * stylesheet was 31.6 KB gzip instead of 10.3.
 */
export const SITE = path.join(os.tmpdir(), 'inkwell-bench', 'site')
const DIST = path.join(SITE, '.next')
/** The static export (`npm run export`). */
export const EXPORT = path.join(SITE, 'out')
/** Compiled posts and social cards (lib/content/cache.ts). */
export const CACHE = path.join(SITE, 'node_modules', '.cache', 'inkwell')
/** What next dev keeps of its compiled pages between runs. */
export const DEV_CACHE = path.join(DIST, 'dev')

export function inkwell(ref: string): Engine & {
  check(ctx: BuildContext, cache: 'cold' | 'warm'): Promise<Run>
  exportSite(ctx: BuildContext): Promise<Run>
  content: string
} {
  let content = ''
  const env = () => childEnv({ INKWELL_CONTENT_DIR: content })
  const npm = (script: string, ctx: BuildContext, step: string) =>
    measure('npm', ['run', script], { cwd: SITE, env: env(), timeoutMs: ctx.timeoutMs, log: ctx.log(step) })
  return {
    name: 'inkwell',
    get content() {
      return content
    },
    async setup() {
      rm(SITE)
      fs.mkdirSync(SITE, { recursive: true })
      const tar = execFileSync('git', ['archive', '--format=tar', ref], { cwd: ROOT, maxBuffer: 1 << 30 })
      execFileSync('tar', ['-x', '-C', SITE], { input: tar })
      // content/ is the corpus instead; the rest is not part of the site.
      rm(...['bench', 'tests', 'content', '.ci'].map((p) => path.join(SITE, p)))
      // The repository's packages as hard links (a copy where the two folders are on different
      // filesystems): Next compiles nothing outside the folder with the lockfile, so symbolic
      // links out of it would not resolve. node_modules/.cache is the copy's own.
      const modules = path.join(SITE, 'node_modules')
      try {
        execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), modules])
      } catch {
        rm(modules)
        execFileSync('cp', ['-a', path.join(ROOT, 'node_modules'), modules])
      }
      rm(path.join(modules, '.cache'))
      const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim()
      const next = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/next/package.json'), 'utf8')) as { version: string }
      return `${commit} (next ${next.version})`
    },
    prepare(corpus) {
      content = corpus
    },
    async build(ctx) {
      rm(DIST, CACHE)
      return npm('build', ctx, 'build')
    },
    async rebuild(ctx) {
      appendParagraph(path.join(content, 'posts', postSlugs(content).at(-1)!, 'index.mdx'))
      return npm('build', ctx, 'rebuild')
    },
    outputBytes() {
      // What `next start` needs; Next's own cache and trace files are not served.
      return dirBytes(DIST, (name) => name === 'cache' || name.startsWith('trace'))
    },
    async check(ctx, cache) {
      if (cache === 'cold') rm(CACHE)
      return npm('check', ctx, `check-${cache}`)
    },
    async exportSite(ctx) {
      rm(EXPORT)
      return npm('export', ctx, 'export')
    },
  }
}

/** `next start` on the last build, on 127.0.0.1:port, with `env` added to the environment. */
export function nextStart(content: string, port: number, log: string, env: Record<string, string> = {}): ChildProcess {
  const out = fs.openSync(log, 'w')
  return spawn(path.join(SITE, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: SITE,
    env: childEnv({ INKWELL_CONTENT_DIR: content, ...env }),
    stdio: ['ignore', out, out],
    detached: true,
  })
}
