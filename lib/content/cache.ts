import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CompileOptions, CompiledPost } from './mdx'

// Compiled posts on disk, by content hash. One `npm run build` loads content in several processes
// (the check, then Next's page-data and static-generation workers); with this cache only the
// first compiles, and a rebuild after one edit compiles one post. Social cards are kept the same
// way, so a rebuild draws only the cards whose text changed.

const DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'inkwell')
// The cache is only valid for the pipeline that filled it: the versions of the compiler packages
// and the source of our own plugins are part of every key.
const PIPELINE_FILES = ['lib/content/mdx.ts', 'lib/content/images.ts', 'lib/content/depth.ts', 'lib/content/files.ts', 'lib/urls.ts', 'lib/content/sandbox.ts', 'lib/content/html-policy.ts', 'lib/slug.ts', 'components/mdx/spec.ts', 'node_modules/@mdx-js/mdx/package.json', 'node_modules/shiki/package.json', 'node_modules/rehype-pretty-code/package.json', 'node_modules/remark-gfm/package.json']

const sourceHashes = new Map<string, string | null>()

/** A hash of source files (paths from the project root); null when they are not there. */
function sourcesHash(files: readonly string[]): string | null {
  const id = files.join('\0')
  if (sourceHashes.has(id)) return sourceHashes.get(id)!
  let digest: string | null
  try {
    const hash = createHash('sha1').update('inkwell-cache-1')
    for (const file of files) hash.update(fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), file)))
    digest = hash.digest('hex')
  } catch {
    digest = null // sources not present (a deployed server): work without a cache
  }
  sourceHashes.set(id, digest)
  return digest
}

/** The key of a result made by `sources` from `parts`; null when caching is off. */
export function keyFor(sources: readonly string[], ...parts: string[]): string | null {
  if (process.env.INKWELL_CACHE === '0') return null
  const base = sourcesHash(sources)
  if (!base) return null
  const hash = createHash('sha1').update(base)
  for (const part of parts) hash.update('\0').update(part)
  return hash.digest('hex')
}

/** The key of one compile: its input and the pipeline; null when caching is off. */
export const cacheKey = (...parts: string[]): string | null => keyFor(PIPELINE_FILES, ...parts)

/** Bytes stored by `keyFor` under a kind of result (`og` for social cards), if present. */
export function readBytes(kind: string, key: string): Buffer | undefined {
  try {
    return fs.readFileSync(path.join(DIR, kind, key))
  } catch {
    return undefined
  }
}

/** Stores bytes for readBytes. */
export function writeBytes(kind: string, key: string, bytes: Uint8Array): void {
  writeEntry(path.join(DIR, kind, key), bytes)
}

/** Writes one cache file: to a temporary name, then renamed, so processes building in parallel never read half an entry. */
function writeEntry(file: string, data: string | Uint8Array): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temp, data)
    fs.renameSync(temp, file)
  } catch {
    // A read-only disk only costs speed.
  }
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
  writeEntry(path.join(DIR, `${key}.json`), JSON.stringify({ result, stamps: stampsOf(result) } satisfies Entry))
}

/** Compiles one post and stores the result under `key` (null: caching is off). */
export async function compileAndStore(body: string, options: CompileOptions, key: string | null): Promise<CompiledPost> {
  // Imported here, not above: a process that compiles on workers (npm run check) never loads it.
  const { compilePost } = await import('./mdx')
  const result = await compilePost(body, options)
  if (key) writeCached(key, result)
  return result
}
