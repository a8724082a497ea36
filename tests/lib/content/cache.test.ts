import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { pipelineFiles } from '@/lib/content/cache'
import { NOW, post, tempSite } from './helpers'

// The compile cache is only valid for the pipeline that filled it. These tests edit the pipeline in
// a copy of the project (its sources and package.json files, in a temporary folder), never ours:
// process.cwd() points there, and fresh modules with an empty memory stand for a new process.

const PROJECT = path.resolve(import.meta.dirname, '../../..')

/** A temporary project holding a copy of every pipeline file; returns its root. */
function copyProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-project-'))
  onTestFinished(() => fs.rmSync(root, { recursive: true, force: true }))
  for (const file of pipelineFiles(PROJECT)!) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.copyFileSync(path.join(PROJECT, file), path.join(root, file))
  }
  return root
}

/** Loads the site at `content` as a new process in `project` would; returns how many posts it compiled, and the cache key of one input. */
async function loadIn(project: string, content: string): Promise<{ compiled: number; key: string | null }> {
  vi.spyOn(process, 'cwd').mockReturnValue(project)
  vi.resetModules()
  ;(globalThis as Record<symbol, Map<string, unknown> | undefined>)[Symbol.for('inkwell.compileCache')]?.clear()
  const cache = await import('@/lib/content/cache')
  const { loadContent } = await import('@/lib/content/load')
  let compiled = 0
  const compile: typeof cache.compileAndStore = (...args) => {
    compiled++
    return cache.compileAndStore(...args)
  }
  await loadContent({ root: content, includeDrafts: false, now: NOW, compile })
  return { compiled, key: cache.cacheKey('an input') }
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('the compile cache key', () => {
  it('covers every module the compile runs and the compiler packages, found from mdx.ts', () => {
    const files = pipelineFiles(PROJECT)!
    const plugins = fs.readdirSync(path.join(PROJECT, 'lib/content/remark')).map((name) => `lib/content/remark/${name}`)
    expect(files).toEqual(expect.arrayContaining([...plugins, 'lib/content/mdx.ts', 'lib/content/sandbox.ts', 'lib/content/html-policy.ts']))
    expect(files).toEqual(expect.arrayContaining(['lib/content/images.ts', 'lib/content/depth.ts', 'lib/slug.ts', 'lib/urls.ts', 'lib/content/component-spec.ts']))
    const packages = ['@mdx-js/mdx', 'remark-gfm', 'rehype-pretty-code', 'shiki', 'rehype-autolink-headings'].map((name) => `node_modules/${name}/package.json`)
    expect(files).toEqual(expect.arrayContaining(packages))
    // Only what the compile runs: not the loader, and not modules imported for their types.
    expect(files).not.toContain('lib/content/load.ts')
    expect(files).not.toContain('lib/content/index.ts')
  })

  it('covers a new plugin as soon as mdx.ts imports it', () => {
    const project = copyProject()
    fs.writeFileSync(path.join(project, 'lib/content/remark/remark-new.ts'), "import { visit } from 'unist-util-visit'\nexport const remarkNew = () => () => visit\n")
    fs.appendFileSync(path.join(project, 'lib/content/mdx.ts'), "\nimport { remarkNew } from './remark/remark-new'\n")
    expect(pipelineFiles(project)).toContain('lib/content/remark/remark-new.ts')
  })

  it('changes when a pipeline file changes, and the posts are compiled again', async () => {
    vi.stubEnv('INKWELL_CACHE', '1')
    const project = copyProject()
    const content = tempSite({ 'posts/a.mdx': post([], '## Setup\n\nText.'), 'posts/b.mdx': post([], 'More text.') })
    const first = await loadIn(project, content)
    expect(first.compiled).toBe(2)
    const again = await loadIn(project, content)
    expect(again).toEqual({ compiled: 0, key: first.key })

    fs.appendFileSync(path.join(project, 'lib/content/remark/remark-headings.ts'), '\n// An edit.\n')
    const edited = await loadIn(project, content)
    expect(edited.compiled).toBe(2)
    expect(edited.key).not.toBe(first.key)
    expect(fs.readdirSync(path.join(project, 'node_modules/.cache/inkwell')).filter((f) => f.endsWith('.json'))).toHaveLength(4)
  })

  it('is off when the pipeline sources are not there (a deployed server)', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-deployed-'))
    onTestFinished(() => fs.rmSync(project, { recursive: true, force: true }))
    expect(pipelineFiles(project)).toBeNull()
    const content = tempSite({ 'posts/a.mdx': post([], 'Text.') })
    expect(await loadIn(project, content)).toEqual({ compiled: 1, key: null })
  })
})

describe("next build's workers leave compiled code on disk", () => {
  /** Loads `content` in `project` as a new process would, with or without codeOnDisk. */
  async function freshLoad(project: string, content: string, codeOnDisk: boolean) {
    vi.spyOn(process, 'cwd').mockReturnValue(project)
    vi.resetModules()
    ;(globalThis as Record<symbol, Map<string, unknown> | undefined>)[Symbol.for('inkwell.compileCache')]?.clear()
    const { loadContent } = await import('@/lib/content/load')
    const { postCode } = await import('@/lib/content')
    return { content: await loadContent({ root: content, includeDrafts: false, now: NOW, codeOnDisk }), postCode }
  }

  it('loads posts without their code, and postCode reads it back from the cache as compiled', async () => {
    vi.stubEnv('INKWELL_CACHE', '1')
    const project = copyProject()
    const content = tempSite({ 'posts/a.mdx': post([], '## Setup\n\nText with **bold** words.') })
    const held = (await freshLoad(project, content, false)).content.posts[0]!
    expect(held.code).toContain('bold')
    expect(held.codeKey).toBeUndefined()

    const { content: loaded, postCode } = await freshLoad(project, content, true)
    const onDisk = loaded.posts[0]!
    expect(onDisk.code).toBe('')
    expect(onDisk.codeKey).toMatch(/^[0-9a-f]{40}$/)
    expect(postCode(onDisk)).toBe(held.code)
    expect(postCode(held)).toBe(held.code)
    // Emptied while a build runs: one message that names the post, not a page without its text.
    fs.rmSync(path.join(project, 'node_modules/.cache/inkwell'), { recursive: true, force: true })
    expect(() => postCode(onDisk)).toThrow(/posts\/a\.mdx: its compiled code is gone from .*build again/)
  })

  it('keeps the code in memory when there is no cache to read it from', async () => {
    vi.stubEnv('INKWELL_CACHE', '0')
    const project = copyProject()
    const content = tempSite({ 'posts/a.mdx': post([], 'Text with **bold** words.') })
    const onDisk = (await freshLoad(project, content, true)).content.posts[0]!
    expect(onDisk.code).toContain('bold')
    expect(onDisk.codeKey).toBeUndefined()
  })

  it('is how next build loads content, and only next build', async () => {
    const { contentOptions } = await import('@/lib/content')
    expect(contentOptions({ NEXT_PHASE: 'phase-production-build' }).codeOnDisk).toBe(true)
    expect(contentOptions({ NEXT_PHASE: 'phase-production-server' }).codeOnDisk).toBe(false)
    expect(contentOptions({ NODE_ENV: 'development', NEXT_PHASE: 'phase-development-server' }).codeOnDisk).toBe(false)
    expect(contentOptions({}).codeOnDisk).toBe(false)
  })
})
