import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx'
import { inspectContent } from '@/lib/content/load'
import { evaluatePost } from '@/lib/content/run'
import { CHART_PNG, NOW, load, post, rejection, tempSite } from './helpers'

// `.md` posts: CommonMark + GFM through the same pipeline as MDX (discover, frontmatter, compile,
// derive, check), with `{`, `}` and `<` as text and the author's raw HTML kept, under the HTML policy.

/** Loads a site with one `.md` post (`posts/a/index.md`, or `file`) and renders it as the post page does. */
async function renderMd(body: string, files: Record<string, string | Buffer> = {}, file = 'posts/a/index.md'): Promise<string> {
  const root = tempSite({ [file]: post([], body), ...files })
  const Content = evaluatePost((await load(root)).bySlug.get('a')!.code, mdxComponents)
  return renderToStaticMarkup(<Content />)
}

describe('.md posts', () => {
  it('are found as <slug>.md and <slug>/index.md, beside .mdx posts', async () => {
    const root = tempSite({ 'posts/a.md': post([], 'A.'), 'posts/b/index.md': post([], 'B.'), 'posts/c.mdx': post([], 'C.') })
    const content = await load(root)
    expect(content.posts.map((p) => [p.slug, path.relative(root, p.file)]).sort()).toEqual([
      ['a', 'posts/a.md'],
      ['b', 'posts/b/index.md'],
      ['c', 'posts/c.mdx'],
    ])
  })

  it('read braces and a lone < as text, where MDX would see an expression and a tag', async () => {
    const html = await renderMd('Sets are written {1, 2} and 1 < 2 holds; `{x}` too.')
    expect(html).toBe('<p>Sets are written {1, 2} and 1 &lt; 2 holds; <code>{x}</code> too.</p>')
  })

  it('keep raw HTML, with Markdown between its blocks', async () => {
    const html = await renderMd('<div class="note">\n\n*Kept* as written.\n\n</div>\n\nA <kbd>Ctrl</kbd>-<kbd>C</kbd> away.')
    expect(html).toBe('<div class="note">\n<p><em>Kept</em> as written.</p>\n</div>\n<p>A <kbd>Ctrl</kbd>-<kbd>C</kbd> away.</p>')
  })

  it('have alerts, titled figures, heading ids, highlighting and math as MDX posts do', async () => {
    const body = '## Set up\n\n> [!TIP] Before you start\n> Read this.\n\n![A chart](./chart.png "Submissions")\n\n```ts title="a.ts" {1}\nconst a = 1\n```\n\nArea $a^2$.'
    const html = await renderMd(body, { 'posts/a/chart.png': CHART_PNG })
    expect(html).toContain('<h2 id="set-up">')
    expect(html).toMatch(/<div role="note" class="admonition admonition-tip" data-type="tip">.*<span>Before you start<\/span>/)
    expect(html).toMatch(/<figure[^>]*><img[^>]*src="\/posts\/a\/chart.png"[^>]*width="64" height="48"/)
    expect(html).toContain('<figcaption>Submissions</figcaption>')
    expect(html).toContain('data-language="ts"')
    // The code block's meta (title, highlighted lines) survives rehype-raw (see mdx.ts).
    expect(html).toContain('<figcaption class="code-title">a.ts</figcaption>')
    expect(html).toContain('data-highlighted-line')
    expect(html).toContain('<math')
  })

  it('size a co-located image in raw HTML, and serve it under the post URL', async () => {
    const html = await renderMd('<p><img src="./chart.png" alt="Chart"></p>', { 'posts/a/chart.png': CHART_PNG })
    expect(html).toContain('<img src="/posts/a/chart.png" alt="Chart" width="64" height="48"/>')
  })

  it('reject script, event handlers and javascript: URLs in raw HTML, at the tag', async () => {
    const body = 'Text.\n\n<script>alert(1)</script>\n\nA <img src="x.png" onerror="alert(1)"> and <a href="javascript:alert(1)">link</a>.'
    const root = tempSite({ 'posts/a.md': post([], body) })
    expect(await rejection(root)).toEqual([
      'posts/a.md:8:1 <script> is not allowed in a post: it would run in every reader\'s browser (show code in a fenced code block; a site that trusts every author can set trustedHtml: true in content/site.yaml)',
      'posts/a.md:10:3 onerror is not allowed on <img>: event handlers run script in every reader\'s browser (remove it; a site that trusts every author can set trustedHtml: true in content/site.yaml)',
      'posts/a.md:10:44 <a href="javascript:…"> is not allowed in a post: javascript: URLs run script in the reader\'s browser (use an https:// address or a path on this site; a site that trusts every author can set trustedHtml: true in content/site.yaml)',
    ])
  })

  it('report a tag the HTML parser reopens once, at the tag the author wrote', async () => {
    const root = tempSite({ 'posts/a.md': post([], 'Foo\n<a href="javascript:x">\nbaz\n') })
    const problems = await rejection(root)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^posts\/a\.md:7:1 <a href="javascript:…"> is not allowed in a post/)
  })

  it('report a Markdown link with a javascript: URL once, as a Markdown link', async () => {
    const root = tempSite({ 'posts/a.md': post([], '[x](javascript:alert(1))') })
    expect(await rejection(root)).toEqual([
      'posts/a.md:6:1 link "javascript:…" is not allowed in a post: javascript: URLs run script in the reader\'s browser (use an https:// address or a path on this site; a site that trusts every author can set trustedHtml: true in content/site.yaml)',
    ])
  })

  it('are checked by npm run check (check-only compiles) for raw HTML too', async () => {
    const root = tempSite({ 'posts/a.md': post([], '<iframe src="https://example.com"></iframe>') })
    const { problems } = await inspectContent({ root, includeDrafts: false, now: NOW, checkOnly: true })
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message.split(':')[0]}`)).toEqual(['6:1 <iframe> is not allowed in a post'])
  })

  it('check links to other posts in Markdown and in raw HTML', async () => {
    const root = tempSite({ 'posts/a.md': post([], '[one](/posts/nope) and <a href="/posts/gone">two</a>') })
    expect(await rejection(root)).toEqual([
      'posts/a.md:6:1 link to /posts/nope: no such post (posts are at /posts/<file or folder name>)',
      'posts/a.md:6:24 link to /posts/gone: no such post (posts are at /posts/<file or folder name>)',
    ])
  })

  it('reject a slug written both as .md and .mdx, at the .md file', async () => {
    const root = tempSite({ 'posts/a.md': post([], 'A.'), 'posts/a.mdx': post([], 'A.'), 'posts/b/index.md': post([], 'B.'), 'posts/b/index.mdx': post([], 'B.') })
    const problems = await rejection(root)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^posts\/a\.md:1:1 post "a" is written twice, as .*posts\/a\.mdx and as this file \(a post is one file, \.mdx or \.md: delete or rename one of them\)$/)
    expect(problems[1]).toMatch(/^posts\/b\/index\.md:1:1 post "b" is written twice, as .*posts\/b\/index\.mdx and as this file/)
  })

  it('reject other Markdown extensions with the name to use', async () => {
    const root = tempSite({ 'posts/a.markdown': post([], 'A.') })
    expect(await rejection(root)).toEqual(['posts/a.markdown:1:1 posts are .md or .mdx files (rename a.markdown to a.md)'])
  })
})
