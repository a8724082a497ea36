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
