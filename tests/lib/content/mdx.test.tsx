import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx'
import type { Post } from '@/lib/content'
import { evaluatePost } from '@/lib/content/run'
import { CHART_PNG, FIXTURES, load, post, rejection, tempSite } from './helpers'

/** Renders a post's compiled code with the component registry, as the post page does. */
function render(p: Pick<Post, 'code'>): string {
  const Content = evaluatePost(p.code, mdxComponents)
  return renderToStaticMarkup(<Content />)
}

/** Loads a one-post temporary site and renders the post. */
async function renderBody(body: string, files: Record<string, string | Buffer> = {}): Promise<string> {
  const root = tempSite({ 'posts/a/index.mdx': post([], body), ...files })
  return render((await load(root)).bySlug.get('a')!)
}

describe('rendering a compiled post', () => {
  let html: string
  const rendered = async () => (html ??= render((await load(path.join(FIXTURES, 'good'))).bySlug.get('with-images')!))

  it('renders <Admonition> with role note, its type and its title', async () => {
    expect(await rendered()).toContain(
      '<div role="note" class="admonition admonition-warning" data-type="warning"><p class="admonition-title"><svg class="admonition-icon"',
    )
    expect(html).toMatch(/<span>Careful<\/span><\/p><div class="admonition-body">Watch out\.<\/div><\/div>/)
  })

  it('turns a GitHub alert into the same admonition', async () => {
    expect(await rendered()).toMatch(
      /<div role="note" class="admonition admonition-tip" data-type="tip"><p class="admonition-title"><svg[^>]*aria-hidden="true"[^>]*>.*?<\/svg><span>Tip<\/span><\/p><div class="admonition-body"><p>A tip with <code>code<\/code>\.<\/p><\/div><\/div>/,
    )
    expect(html).not.toContain('[!TIP]')
    expect(html).not.toContain('<blockquote')
  })

  it('turns a titled Markdown image into a figure with a caption and the size of the file', async () => {
    expect(await rendered()).toContain(
      '<figure class="figure"><img src="/posts/with-images/chart.png" alt="A chart" width="64" height="48" loading="lazy" decoding="async"/><figcaption>The chart caption</figcaption></figure>',
    )
  })

  it('gives an untitled Markdown image its URL and size, lazily loaded', async () => {
    expect(await rendered()).toContain('<img src="/posts/with-images/chart.png" alt="Plain chart" width="64" height="48" loading="lazy" decoding="async"/>')
  })

  it('keeps width={400} on <Figure> and derives the height from the image proportions', async () => {
    expect(await rendered()).toContain(
      '<figure class="figure"><img src="/posts/with-images/chart.png" alt="The chart, smaller" width="400" height="300" loading="lazy" decoding="async"/></figure>',
    )
  })

  it('renders <Stats> as a description list', async () => {
    expect(await rendered()).toContain(
      '<dl class="stats"><div class="stat"><dt class="stat-label">submissions</dt><dd class="stat-value">185</dd><dd class="stat-note">up from 120</dd></div></dl>',
    )
  })

  it('gives headings ids and an anchor link, hidden from screen readers', async () => {
    expect(await rendered()).toContain('<h2 id="results">Results<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#results">#</a></h2>')
  })

  it('wraps a table in a keyboard-reachable scroll region', async () => {
    expect(await rendered()).toMatch(/<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table><thead><tr><th>a<\/th><th>b<\/th>/)
  })

  it('renders footnotes with their section, without a heading anchor on the footnotes label', async () => {
    expect(await rendered()).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="true" aria-describedby="footnote-label">1</a>')
    expect(html).toContain('<section data-footnotes="true" class="footnotes"><h2 class="sr-only" id="footnote-label">Footnotes</h2>')
    expect(html).toContain('<li id="user-content-fn-1">\n<p>The source. <a href="#user-content-fnref-1"')
    expect(html).not.toContain('href="#footnote-label"')
  })

  it('highlights code at build time with both theme colours as CSS variables', async () => {
    expect(await rendered()).toContain('<pre tabindex="0" data-language="ts" data-theme="github-light github-dark">')
    expect(html).toContain('<span style="--shiki-light:#D73A49;--shiki-dark:#F97583">const</span>')
    expect(html).toContain('<span class="code-language">ts</span>')
  })

  it('turns GitHub alert aliases into admonition types and keeps a custom title', async () => {
    const out = await renderBody('> [!IMPORTANT]\n> Read this.\n\n> [!CAUTION] Mind the gap\n> Between the train and the platform.\n\n> Just a quote.')
    expect(out).toMatch(/data-type="info"><p class="admonition-title"><svg.*?<\/svg><span>Info<\/span><\/p><div class="admonition-body"><p>Read this\.<\/p>/)
    expect(out).toMatch(/data-type="danger"><p class="admonition-title"><svg.*?<\/svg><span>Mind the gap<\/span><\/p><div class="admonition-body"><p>Between the train and the platform\.<\/p>/)
    expect(out).toContain('<blockquote>\n<p>Just a quote.</p>\n</blockquote>')
  })

  it('renders a collapsible admonition as details/summary, open when asked', async () => {
    const out = await renderBody('<Admonition type="bug" title="Known issue" collapsible open>\n\nSee **below**.\n\n</Admonition>')
    expect(out).toMatch(
      /^<div role="note" class="admonition admonition-bug" data-type="bug"><details open=""><summary class="admonition-title"><svg.*?<\/svg><span>Known issue<\/span><\/summary><div class="admonition-body"><p>See <strong>below<\/strong>\.<\/p><\/div><\/details><\/div>$/,
    )
  })
})

describe('expressions', () => {
  const expressions = () => load(path.join(FIXTURES, 'expressions'))

  it('compiles a post whose expression throws, and rendering it names the file, line and column', async () => {
    const p = (await expressions()).bySlug.get('throws')!
    expect(() => render(p)).toThrowError(
      /^tests\/fixtures\/unit\/expressions\/posts\/throws\.mdx:8:15 this expression threw "ReferenceError: undefinedThing is not defined"/,
    )
  })

  it('names the place of a throwing attribute expression too', async () => {
    const p = (await expressions()).bySlug.get('attribute-throws')!
    expect(() => render(p)).toThrowError(
      'tests/fixtures/unit/expressions/posts/attribute-throws.mdx:6:61 this expression threw "ReferenceError: size is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
    )
  })

  it('evaluates expressions that work', async () => {
    const out = render((await expressions()).bySlug.get('inert')!)
    expect(out).toContain('<p>Written in 2025, 2 days late, a and b.</p>')
    expect(out).toContain('<img src="https://example.org/a.png" alt="A" width="400" height="300" loading="lazy" decoding="async"/>')
  })
})

describe('MDX rejected', () => {
  // Body lines start at line 6: the helper writes 3 frontmatter lines between two fences and a blank line.

  it('rejects an unclosed <Admonition> at its opening tag, counting frontmatter lines', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text.\n\n<Admonition type="tip">\nNever closed.\n') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:8:1 Expected a closing tag for `<Admonition>` (close every tag, in the order the tags were opened)'])
  })

  it('rejects a stray < in text and tells how to write a literal one', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text.\n\nPrices went from 5 to <10 euros.\n') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:8:24 "<" followed by "1" is not the start of a tag (if you meant a literal "<", write \\< ; otherwise check the tag)',
    ])
  })

  it('rejects a stray { at the brace itself, in words, and goes on to what is wrong after it', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Words with a stray { brace.\n\n<Callout>Hi</Callout>\n') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:20 this { starts an expression that is never closed (write \\{ to show a brace, or end the expression with })',
      'posts/a.mdx:8:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
  })

  it('reports every parse error of a post, each at its place, and what the parser could not reach before', async () => {
    const body = ['<Nope />', '', 'A {1 +} sum.', '', 'From 5 to <10.', '', 'import x from', '', '<Admonition type="tip">', '', 'Open.', ''].join('\n')
    const root = tempSite({ 'posts/a.mdx': post([], body) })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:1 unknown component <Nope> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
      'posts/a.mdx:8:7 this is not a JavaScript expression: unexpected token (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
      'posts/a.mdx:10:12 "<" followed by "1" is not the start of a tag (if you meant a literal "<", write \\< ; otherwise check the tag)',
      'posts/a.mdx:12:1 this import or export is not valid JavaScript: unexpected token (fix the import or export statement)',
      'posts/a.mdx:14:1 Expected a closing tag for `<Admonition>` (close every tag, in the order the tags were opened)',
    ])
  })

  it('reports an attribute whose expression does not parse once, and reads on past its tag', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '<Stats>\n  <Stat value={1 +} label="posts" />\n</Stats>\n\n<Nope />\n') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:7:19 this is not a JavaScript expression: unexpected token (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
      'posts/a.mdx:10:1 unknown component <Nope> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
  })

  it('rejects an expression that is not JavaScript', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text {1 +}.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:6:10 this is not a JavaScript expression: unexpected token (fix the JavaScript between { and }, or write \\{ to show a literal brace)'])
  })

  it('rejects an unknown component and lists the available ones', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '<Callout>Hi.</Callout>\n\n<Figur src="https://example.org/a.png" alt="A" width={1} height={1} />') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
      'posts/a.mdx:8:1 unknown component <Figur> (did you mean <Figure>? available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
  })

  it('rejects an admonition type that does not exist, with a did-you-mean', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text.\n\n<Admonition type="warnign">Careful.</Admonition>') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:8:1 <Admonition> type="warnign" is not one of note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote (did you mean "warning"?)',
    ])
  })

  it('rejects a GitHub alert type that does not exist, with a did-you-mean', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text.\n\n> [!TIPP]\n> Hm.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:8:1 unknown alert type [!TIPP] (did you mean [!TIP]? use one of note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote)',
    ])
  })

  it('rejects <Figure> without alt', async () => {
    const root = tempSite({ 'posts/a/index.mdx': post([], 'Text.\n\n<Figure src="./chart.png" />'), 'posts/a/chart.png': CHART_PNG })
    expect(await rejection(root)).toEqual(['posts/a/index.mdx:8:1 <Figure> needs an alt prop (add alt="…")'])
  })

  it('rejects <Stat> without a label', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '<Stats>\n  <Stat value="3" />\n</Stats>') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:7:3 <Stat> needs a label prop (add label="…")'])
  })

  it('rejects a missing image, suggesting a file with a close name', async () => {
    const root = tempSite({ 'posts/a/index.mdx': post([], 'Text.\n\n![Chart](./chrat.png)'), 'posts/a/chart.png': CHART_PNG })
    expect(await rejection(root)).toEqual(['posts/a/index.mdx:8:1 image "./chrat.png" not found (did you mean ./chart.png?)'])
  })

  it('rejects a missing <Figure> image and a missing cover, each at its own line', async () => {
    const root = tempSite({ 'posts/a/index.mdx': post(['cover: ./cover.png'], '<Figure src="./nothing.png" alt="N" />'), 'posts/a/chart.png': CHART_PNG })
    expect(await rejection(root)).toEqual([
      'posts/a/index.mdx:4:8 cover image "./cover.png" not found (check the path; it is relative to the post file)',
      'posts/a/index.mdx:7:1 image "./nothing.png" not found (check the path; it is relative to the post file)',
    ])
  })

  it('rejects an image outside the post folder', async () => {
    const root = tempSite({
      'posts/a/index.mdx': post([], 'Text.\n\n![Chart](../b/chart.png)'),
      'posts/b/index.mdx': post([], 'B.'),
      'posts/b/chart.png': CHART_PNG,
    })
    expect(await rejection(root)).toEqual([
      'posts/a/index.mdx:8:1 image "../b/chart.png" is outside the post\'s folder (move it next to the post and write ./chart.png)',
    ])
  })

  it('rejects a remote image without a size', async () => {
    const root = tempSite({
      'posts/a.mdx': post([], '![Remote](https://example.org/a.png)\n\n<Figure src="https://example.org/b.png" alt="B" width={400} />'),
    })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:1 remote image "https://example.org/a.png" has no known size, so the page would shift as it loads (use <Figure src="…" alt="…" width={…} height={…} />)',
      'posts/a.mdx:8:1 remote image "https://example.org/b.png" needs width and height, so the page does not shift as it loads (add width={…} height={…})',
    ])
  })

  it('rejects an import in a post', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], "import { Chart } from './chart.js'\n\n<Chart />") })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:1 imports are not supported in posts (every Inkwell component is available without one: Admonition, Figure, Stats, Stat, YouTube, Vimeo, Embed)',
      'posts/a.mdx:8:1 unknown component <Chart> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
  })

  it('warns, without failing, about a code language the highlighter does not know', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '```pyton\nprint(1)\n```') })
    const content = await load(root)
    expect(content.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '6:1 no syntax highlighting for language "pyton" (use a language name shiki knows, or text)',
    ])
  })
})
