import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CompileOptions, CompiledPost } from './mdx'

// Compiled posts on disk, by content hash. One `npm run build` loads content in several
// processes (the check, then Next's page-data and static-generation workers); with this cache
// only the first compiles, and a rebuild after one edit compiles one post.

const DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'inkwell')
// The cache is only valid for the pipeline that filled it: the versions of the compiler packages
// and the source of our own plugins are part of every key.
const PIPELINE_FILES = ['lib/content/mdx.ts', 'components/mdx/spec.ts', 'node_modules/@mdx-js/mdx/package.json', 'node_modules/shiki/package.json', 'node_modules/rehype-pretty-code/package.json', 'node_modules/remark-gfm/package.json']

let pipeline: string | null | undefined

function pipelineHash(): string | null {
  if (pipeline !== undefined) return pipeline
  try {
    const hash = createHash('sha1').update('inkwell-compile-cache-1')
    for (const file of PIPELINE_FILES) hash.update(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), file)))
    pipeline = hash.digest('hex')
  } catch {
    pipeline = null // sources not present (a deployed server): compile without a cache
  }
  return pipeline
}

export interface Entry {
  result: CompiledPost
  /** Size and time of every image the result depends on (their sizes are in the HTML). */
  stamps: [string, number, number][]
}

const stamp = (file: string): [string, number, number] | undefined => {
  try {
    const s = fs.statSync(file)
    return [file, s.size, s.mtimeMs]
  } catch {
    return undefined
  }
}

/** The key of one compile: its input and the pipeline; null when caching is off. */
export function cacheKey(...parts: string[]): string | null {
  if (process.env.INKWELL_CACHE === '0') return null
  const base = pipelineHash()
  if (!base) return null
  const hash = createHash('sha1').update(base)
  for (const part of parts) hash.update('\0').update(part)
  return hash.digest('hex')
}

/** Stamps of the images a result depends on. */
export const stampsOf = (result: CompiledPost): Entry['stamps'] => result.assets.map((a) => stamp(a.file)).filter((s) => s !== undefined)

/** True when no image the result depends on changed since it was stamped. */
export const isFresh = (stamps: Entry['stamps']): boolean =>
  stamps.every(([file, size, mtime]) => {
    const now = stamp(file)
    return now !== undefined && now[1] === size && now[2] === mtime
  })

/** A cached compile result, if its images are unchanged since. */
export function readCached(key: string): CompiledPost | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(path.join(DIR, `${key}.json`), 'utf8')) as Entry
    return isFresh(entry.stamps) ? entry.result : undefined
  } catch {
    return undefined
  }
}

/** Stores a successful compile (results with errors are always recompiled, so messages stay live). */
export function writeCached(key: string, result: CompiledPost): void {
  if (result.problems.some((p) => p.severity === 'error')) return
  const stamps = stampsOf(result)
  try {
    fs.mkdirSync(DIR, { recursive: true })
    // Write then rename: processes building in parallel never read a half-written entry.
    const temp = path.join(DIR, `${key}.${process.pid}.tmp`)
    fs.writeFileSync(temp, JSON.stringify({ result, stamps } satisfies Entry))
    fs.renameSync(temp, path.join(DIR, `${key}.json`))
  } catch {
    // A read-only disk only costs speed.
  }
}

/** Compiles one post and stores the result under `key` (null: caching is off). */
export async function compileAndStore(body: string, options: CompileOptions, key: string | null): Promise<CompiledPost> {
  // Imported here, not above: a process that compiles on workers (npm run check) never loads it.
  const { compilePost } = await import('./mdx')
  const result = await compilePost(body, options)
  if (key) writeCached(key, result)
  return result
}
