import { compile } from '@mdx-js/mdx'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { mdxComponents } from '@/components/mdx'
import { evaluatePost } from '@/lib/content/run'

/** Renders MDX as a post page does, with the registry. */
async function render(source: string): Promise<string> {
  const Content = evaluatePost(String(await compile(source, { outputFormat: 'function-body' })), mdxComponents)
  return renderToStaticMarkup(<Content />)
}

const SOURCE = [
  '[part 1](/posts/b) [top](#top) [away](https://example.com/x) [cdn](//cdn.example/a) [mail](mailto:a@b.c) [near](./c)',
  '',
  '![chart](/posts/a/chart.png)',
  '',
  '<a href="/tags/x">tag</a>',
  '',
  '<img src="/x.png" srcSet="/x.png 1x, /x@2.png 2x, https://example.com/y.png 3x" alt="" />',
  '',
  '<video src="/v.mp4" poster="/v.png" />',
  '',
  '<Figure src="/posts/a/chart.png" alt="c" caption="C" />',
].join('\n')

describe('a post under a base path', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('gets the base path before every site path it links to or loads, and nowhere else', async () => {
    vi.stubEnv('INKWELL_BASE_PATH', '/blog')
    const html = await render(SOURCE)
    for (const url of ['href="/blog/posts/b"', 'src="/blog/posts/a/chart.png"', 'href="/blog/tags/x"', 'src="/blog/x.png"']) {
      expect(html).toContain(url)
    }
    expect(html).toContain('srcSet="/blog/x.png 1x, /blog/x@2.png 2x, https://example.com/y.png 3x"')
    expect(html).toContain('<video src="/blog/v.mp4" poster="/blog/v.png">')
    expect(html).toMatch(/<figure class="figure"><img src="\/blog\/posts\/a\/chart.png"/)
    for (const url of ['href="#top"', 'href="https://example.com/x"', 'href="//cdn.example/a"', 'href="mailto:a@b.c"', 'href="./c"']) {
      expect(html).toContain(url)
    }
    expect(html).not.toContain('/blog/blog')
  })

  it('is rendered as written at the root of a host', async () => {
    vi.stubEnv('INKWELL_BASE_PATH', '/')
    const html = await render(SOURCE)
    expect(html).toContain('href="/posts/b"')
    expect(html).toContain('srcSet="/x.png 1x, /x@2.png 2x, https://example.com/y.png 3x"')
    expect(html).not.toContain('/blog')
  })
})
