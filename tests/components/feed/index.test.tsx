import type { MDXComponents } from 'mdx/types'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { feedComponents } from '@/components/feed'
import { mdxComponents } from '@/components/mdx'
import { compilePost } from '@/lib/content/mdx'
import { evaluatePost } from '@/lib/content/run'

const body = [
  '<Admonition type="tip" collapsible>Careful</Admonition>',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '```ts title="app.ts"',
  'const a = 1',
  '```',
  '',
  '- [x] done',
].join('\n')

let compiled: Promise<string> | undefined

/** The post compiled once, as lib/content does, and rendered with `components`. */
async function renderWith(components: MDXComponents) {
  compiled ??= compilePost(body, { file: '/site/posts/a.mdx', dir: '/site/posts', assetBase: '/posts/a', publicDir: '/site/public' }).then(
    ({ code, problems }) => {
      expect(problems).toEqual([])
      return code
    },
  )
  return renderToStaticMarkup(createElement(evaluatePost(await compiled, components)))
}

describe('feedComponents', () => {
  it('renders a post without the page’s client code, folds or wrappers', async () => {
    const html = await renderWith(feedComponents)
    expect(html).toContain('<blockquote><p><strong>Tip</strong></p>Careful</blockquote>')
    expect(html).not.toMatch(/<details|<button|table-scroll|code-tools|role="note"/)
    expect(html).toMatch(/<table><thead><tr><th>a<\/th>/)
    expect(html).toMatch(/<figure data-rehype-pretty-code-figure="">\s*<figcaption[^>]*>app\.ts<\/figcaption>\s*<pre/)
  })

  it('keeps the rest of the registry: a task checkbox is still named by its state', async () => {
    expect(await renderWith(feedComponents)).toContain('<input type="checkbox" disabled="" aria-label="Done" checked=""/> done')
  })

  it('differs from the page registry exactly where the page depends on our CSS or JavaScript', async () => {
    const page = await renderWith(mdxComponents)
    expect(page).toContain('class="code-copy"')
    expect(page).toContain('<details>')
    expect(page).toContain('class="table-scroll"')
  })
})
