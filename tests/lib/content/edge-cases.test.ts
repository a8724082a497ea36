// Behaviour settled after review: same-day updates, summaries without expression source,
// SITE_URL validation, and a figure caption given twice.
import { describe, expect, it } from 'vitest'
import { load, post, rejection, tempSite } from './helpers'

describe('edge cases', () => {
  it('accepts an update on the same calendar day as a timed publication', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['date: 2025-03-21T09:00:00+01:00', 'updated: 2025-03-21'], 'Text.') })
    const a = (await load(root)).bySlug.get('a')!
    // The helper's site has no timeZone, so UTC: the update is that day's midnight.
    expect(a.updated!.toISOString()).toBe('2025-03-21T00:00:00.000Z')
    const before = tempSite({ 'posts/a.mdx': post(['date: 2025-03-21T09:00:00+01:00', 'updated: 2025-03-20'], 'Text.') })
    expect(await rejection(before)).toEqual(['posts/a.mdx:4:10 updated (2025-03-20) is before date (2025-03-21T09:00:00+01:00) (fix one of the two)'])
  })

  it('builds summaries from the words a reader sees', async () => {
    const ok = tempSite({
      'posts/a.mdx': post([], 'Version {1 + 1} is out[^1] today.\n\n[^1]: Note.'),
      'posts/b.mdx': post([], '<Admonition>Inside a box.</Admonition>\n\nThe real first paragraph.'),
    })
    const loaded = await load(ok)
    expect(loaded.bySlug.get('a')!.summary).toBe('Version is out today.')
    expect(loaded.bySlug.get('b')!.summary).toBe('The real first paragraph.')
  })

  it('rejects a SITE_URL that is not an absolute URL', async () => {
    const root = tempSite({})
    expect(await rejection(root, { siteUrl: 'blog.example.org' })).toEqual([
      'site.yaml:1:1 SITE_URL "blog.example.org" is not an absolute http(s) URL (set SITE_URL=https://blog.example.com)',
    ])
  })

  it('rejects a figure caption given both as a prop and as text inside', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '<Figure src="https://example.org/x.png" alt="x" width={10} height={10} caption="One">Two</Figure>') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:6:1 <Figure> has a caption prop and caption text inside (keep one of the two)'])
  })

  it('keeps a formatted alert title whole, and joins hard line breaks with a space in summaries', async () => {
    const root = tempSite({
      'posts/a.mdx': post([], 'Line one\\\nline two.\n\n> [!TIP] Run `npm run check` **first**\n> Then build.'),
    })
    const content = await load(root)
    const a = content.bySlug.get('a')!
    expect(a.summary).toBe('Line one line two.')
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { createElement } = await import('react')
    const { evaluatePost } = await import('@/lib/content/run')
    const { mdxComponents } = await import('@/components/mdx')
    const html = renderToStaticMarkup(createElement(evaluatePost(a.code, mdxComponents)))
    expect(html).toContain('<span>Run npm run check first</span>')
    expect(html).toMatch(/<div class="admonition-body"><p>Then build\.<\/p><\/div>/)
  })

  it('warns when the summary would leave out an expression of the first paragraph', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'I wrote {2 ** 10} words.'), 'posts/b.mdx': post(['summary: "Given."'], 'I wrote {2 ** 10} words.') })
    const content = await load(root)
    expect(content.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '6:1 the first paragraph, used as the summary, has an expression that a plain-text summary leaves out (write summary: "…" in the frontmatter)',
    ])
  })
})
