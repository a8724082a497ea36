import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { CompileOptions, CompiledPost } from './mdx'
import { readEnv } from '../env'

// Compiled posts on disk, by content hash. One `npm run build` loads content in several processes
// (the check, then Next's page-data and static-generation workers); with this cache only the
// first compiles, and a rebuild after one edit compiles one post. Social cards are kept the same
// way, so a rebuild draws only the cards whose text changed.

const DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', '.cache', 'inkwell')

// The cache is only valid for the pipeline that filled it. Every module a compile runs is part of
// every key, found by following the imports of mdx.ts (so a new plugin is covered once it is
// imported), and so is the version of every package those modules import.
const PIPELINE_ENTRY = 'lib/content/mdx.ts'
// Value imports and re-exports at the start of a line (`import type` is caught, to be skipped), and import().
const IMPORT = /^(?:import|export)\s+(type\s+)?(?:[^;'"()=]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm

const pipelines = new Map<string, string[] | null>()

/**
 * The files a compile depends on, as paths from the project `root`: the modules it runs and the
 * package.json of each package they import. Null when the sources are not there (a deployed server).
 */
export function pipelineFiles(root = process.cwd()): string[] | null {
  if (!pipelines.has(root)) pipelines.set(root, findPipeline(root))
  return pipelines.get(root)!
}

function findPipeline(root: string): string[] | null {
  const modules = new Set<string>()
  const packages = new Set<string>()
  const pending = [PIPELINE_ENTRY]
  while (pending.length) {
    const file = pending.pop()!
    if (modules.has(file)) continue
    const text = readSource(root, file)
    if (text === undefined) return null
    modules.add(file)
    for (const specifier of valueImports(text)) {
      if (specifier.startsWith('node:')) continue
      if (!/^(\.|@\/)/.test(specifier)) packages.add(packageName(specifier))
      else pending.push(resolveModule(root, specifier.startsWith('@/') ? specifier.slice(2) : path.posix.join(path.posix.dirname(file), specifier)))
    }
  }
  // A package installed deeper than the top of node_modules is left out rather than turning the cache off.
  const manifests = [...packages].map((name) => `node_modules/${name}/package.json`).filter((file) => fs.existsSync(path.join(/*turbopackIgnore: true*/ root, file)))
  return [...modules, ...manifests].sort()
}

/** The modules a source imports for their values (not `import type`), import() included. */
const valueImports = (text: string): string[] => [...text.matchAll(IMPORT)].filter((m) => !m[1]).map((m) => m[3] ?? m[2]!)

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
const packageName = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

const readSource = (root: string, file: string): string | undefined => {
  try {
    return fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, file), 'utf8')
  } catch {
    return undefined
  }
}

/** The file an import without extension names: `x.ts`, `x.tsx`, or `x/index.ts` (as written when none is there). */
const resolveModule = (root: string, file: string): string =>
  [`${file}.ts`, `${file}.tsx`, `${file}/index.ts`, file].find((f) => fs.statSync(path.join(/*turbopackIgnore: true*/ root, f), { throwIfNoEntry: false })?.isFile()) ?? file

const sourceHashes = new Map<string, string | null>()

/** A hash of source files (paths from the project root); null when they are not there. */
function sourcesHash(files: readonly string[] | null): string | null {
  if (!files) return null
  const root = process.cwd()
  const id = [root, ...files].join('\0')
  if (sourceHashes.has(id)) return sourceHashes.get(id)!
  let digest: string | null
  try {
    const hash = createHash('sha1').update('inkwell-cache-1')
    for (const file of files) hash.update(fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, file)))
    digest = hash.digest('hex')
  } catch {
    digest = null // sources not present (a deployed server): work without a cache
  }
  sourceHashes.set(id, digest)
  return digest
}

/** The key of a result made by `sources` (null: unknown) from `parts`; null when caching is off. */
export function keyFor(sources: readonly string[] | null, ...parts: string[]): string | null {
  if (readEnv().INKWELL_CACHE === '0') return null
  const base = sourcesHash(sources)
  if (!base) return null
  const hash = createHash('sha1').update(base)
  for (const part of parts) hash.update('\0').update(part)
  return hash.digest('hex')
}

/** The key of one compile: its input and the pipeline; null when caching is off. */
export const cacheKey = (...parts: string[]): string | null => keyFor(pipelineFiles(), ...parts)

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

// Compiled posts by file, kept across reloads in one process (next dev), so an edit recompiles
// only the post that changed; the disk keeps them across processes. On globalThis: Next may load
// this module twice. Only next dev keeps each post's text too: a build loads once per process,
// and 10,000 bodies held by every worker came to 84 MB of heap each.
const compiled: Map<string, { body?: string; setting: string; key: string; result: CompiledPost; stamps: Entry['stamps'] }> = ((
  globalThis as Record<symbol, unknown>
)[Symbol.for('inkwell.compileCache')] ??= new Map()) as never

/**
 * The code of a result that compileCached left on disk (`codeKey`); throws when the entry is gone,
 * which only happens when the cache is emptied while a build runs.
 */
export function readCode(key: string, file: string): string {
  const code = readCached(key)?.code
  if (code === undefined) throw new Error(`${file}: its compiled code is gone from ${DIR} (was the folder emptied during the build? build again)`)
  return code
}

/**
 * Compiles one post with `compile`, unless this process compiled the same input already or the
 * disk has it (a full compile from an earlier build serves a check-only one too). With
 * `codeOnDisk`, a result whose entry is on disk comes back without its code, and with the key to
 * read it by (readCode): next build's workers each load the whole site but render a share of it,
 * and at 10,000 posts the code was 175 MB of every worker's heap.
 */
export async function compileCached(body: string, options: CompileOptions, compile = compileAndStore, codeOnDisk = false): Promise<CompiledPost> {
  const { file, publicDir } = options
  const checkOnly = options.checkOnly === true
  const trust = `${options.trustedCode}:${options.trustedHtml}`
  // The same text compiled the same way as last time in this process: no hashing (a reload in
  // next dev compares 1,000 bodies this way in a millisecond, where hashing them took 60).
  const setting = [sourcesHash(pipelineFiles()), publicDir, trust, checkOnly].join('\0')
  const last = compiled.get(file)
  if (last?.body === body && last.setting === setting && isFresh(last.stamps)) return last.result
  const fullKey = cacheKey(file, body, publicDir, trust)
  const diskKey = checkOnly ? cacheKey(file, body, publicDir, trust, 'check-only') : fullKey
  const key = diskKey ?? createHash('sha1').update(file).update(body).update(publicDir).update(trust).update(String(checkOnly)).digest('hex')
  let result = last?.key === key && isFresh(last.stamps) ? last.result : undefined
  if (!result && fullKey) result = readCached(fullKey)
  if (!result && diskKey && diskKey !== fullKey) result = readCached(diskKey)
  const fresh = !result
  result ??= await compile(body, options, diskKey)
  if (codeOnDisk && diskKey && !checkOnly && result.code && (!fresh || fs.existsSync(path.join(DIR, `${diskKey}.json`)))) {
    result = { ...result, code: '', codeKey: diskKey }
  }
  const keepText = process.env.NODE_ENV === 'development'
  compiled.set(file, { body: keepText ? body : undefined, setting, key, result, stamps: stampsOf(result) })
  return result
}
