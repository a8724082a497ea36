import { AsyncLocalStorage } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { captureLoadContext, outsideRender } from '@/lib/content/dev-context'
import type { LoadOptions } from '@/lib/content/load'
import { load, post, tempSite } from './helpers'

// What next dev's reload after a save relies on: frontmatter parsed again only where it changed,
// and loads started outside the render that asked for them.

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
