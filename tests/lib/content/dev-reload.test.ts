import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { devPostFiles } from '@/lib/content'
import { compileAndStore } from '@/lib/content/cache'
import { captureLoadContext, outsideRender, watchContent } from '@/lib/content/dev-context'
import type { LoadOptions } from '@/lib/content/load'
import { CHART_PNG, load, post, tempSite } from './helpers'

// What next dev's reload after a save relies on: frontmatter parsed and posts compiled again only
// where they changed, loads started outside the render that asked for them, and started by the
// save itself; and route lists read from the file names.

afterEach(() => {
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

/** A compile that records which files it compiled. */
function counting() {
  const files: string[] = []
  const compile: typeof compileAndStore = (body, options, key) => {
    files.push(path.basename(options.file))
    return compileAndStore(body, options, key)
  }
  return { files, compile }
}

describe('reloading after an edit (next dev)', () => {
  it('parses again only the frontmatter that changed, and sees the change', async () => {
    const root = tempSite({ 'posts/one.mdx': post(['title: One'], 'Text.'), 'posts/two.mdx': post(['title: Two'], 'Text.') })
    const parsed: NonNullable<LoadOptions['parsed']> = new Map()
    await load(root, { parsed })
    const one = parsed.get(path.join(root, 'posts/one.mdx'))!.frontmatter
    const two = parsed.get(path.join(root, 'posts/two.mdx'))!.frontmatter

    fs.writeFileSync(path.join(root, 'posts/two.mdx'), post(['title: Two, renamed'], 'Text.'))
    const content = await load(root, { parsed })
    expect(content.bySlug.get('two')?.title).toBe('Two, renamed')
    expect(parsed.get(path.join(root, 'posts/one.mdx'))!.frontmatter).toBe(one)
    expect(parsed.get(path.join(root, 'posts/two.mdx'))!.frontmatter).not.toBe(two)
    // One entry per file, however often it changes.
    expect(parsed.size).toBe(2)
  })

  // next dev keeps each post's text to compare; a build process, which loads once, keeps its hash.
  it.each(['development', 'production'])('compiles again only the post whose text changed, and every post when they must be compiled differently (%s)', async (mode) => {
    vi.stubEnv('NODE_ENV', mode)
    // No disk cache: what is not compiled again comes from this process's memory.
    vi.stubEnv('INKWELL_CACHE', '0')
    const root = tempSite({ 'posts/one.mdx': post(['title: One'], 'Text.'), 'posts/two.mdx': post(['title: Two'], 'Text.') })
    const first = counting()
    await load(root, { compile: first.compile })
    expect(first.files.sort()).toEqual(['one.mdx', 'two.mdx'])

    const unchanged = counting()
    await load(root, { compile: unchanged.compile })
    expect(unchanged.files).toEqual([])

    fs.writeFileSync(path.join(root, 'posts/two.mdx'), post(['title: Two'], 'Other text.'))
    const edited = counting()
    const content = await load(root, { compile: edited.compile })
    expect(edited.files).toEqual(['two.mdx'])
    expect(content.bySlug.get('two')?.summary).toBe('Other text.')

    fs.appendFileSync(path.join(root, 'site.yaml'), 'trustedHtml: true\n')
    const trusted = counting()
    await load(root, { compile: trusted.compile })
    expect(trusted.files.sort()).toEqual(['one.mdx', 'two.mdx'])
  })

  it('starts a load outside the caller’s async context once a context is captured', async () => {
    const render = new AsyncLocalStorage<string>()
    const seen = () => Promise.resolve(render.getStore())
    // Before the dev server captured one, a load runs where it is asked for.
    expect(await render.run('a render', () => outsideRender(seen))).toBe('a render')
    captureLoadContext()
    expect(await render.run('a render', () => outsideRender(seen))).toBeUndefined()
    await expect(render.run('a render', () => outsideRender(() => Promise.reject(new Error('broken'))))).rejects.toThrow('broken')
  })
})

describe('next dev without a load', () => {
  it('lists every post file, with the files beside a post folder’s text, only under next dev', () => {
    const root = tempSite({
      'posts/single.mdx': post([], 'Text.'),
      'posts/folder/index.mdx': post([], '![A chart](chart.png)'),
      'posts/folder/chart.png': CHART_PNG,
      'posts/folder/img/deep.png': CHART_PNG,
      'posts/folder/.hidden': 'x',
      'posts/plain/index.md': post([], 'Text.'),
      'posts/_aside/index.mdx': post([], 'Not a post.'),
      'posts/draft.mdx': post(['draft: true'], 'Text {'),
    })
    vi.stubEnv('INKWELL_CONTENT_DIR', root)
    vi.stubEnv('NODE_ENV', 'production')
    expect(devPostFiles()).toBeUndefined()
    vi.stubEnv('NODE_ENV', 'development')
    const files = devPostFiles()!.sort((a, b) => a.slug.localeCompare(b.slug))
    // Drafts and broken posts are pages in next dev too.
    expect(files).toEqual([
      { slug: 'draft', files: [] },
      { slug: 'folder', files: ['chart.png', 'img/deep.png'] },
      { slug: 'plain', files: [] },
      { slug: 'single', files: [] },
    ])
  })

  it('calls back once for a burst of changes under the folder, a moment after the watch starts', async () => {
    const root = tempSite({ 'posts/one/index.mdx': post([], 'Text.') })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const changed = vi.fn()
    // A fresh process: the watcher is started once per process.
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('inkwell.contentWatcher')]
    watchContent(root, changed)
    watchContent(root, () => expect.unreachable('a second watcher'))
    vi.advanceTimersByTime(1000)
    vi.useRealTimers()
    // inotify needs a moment to take the folders.
    await new Promise((r) => setTimeout(r, 100))
    const file = path.join(root, 'posts/one/index.mdx')
    fs.writeFileSync(file, post([], 'Text, edited.'))
    fs.appendFileSync(file, '\nMore.\n')
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 2000 })
    await new Promise((r) => setTimeout(r, 100))
    expect(changed).toHaveBeenCalledTimes(1)
  })
})
