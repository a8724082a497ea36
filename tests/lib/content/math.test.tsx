import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { feedComponents } from '@/components/feed'
import { mdxComponents } from '@/components/mdx'
import { formatProblem, type Post } from '@/lib/content'
import { evaluatePost } from '@/lib/content/run'
import { feedSafeHtml } from '@/lib/feed-html'
import { load, post, rejection, SITE_YAML, tempSite } from './helpers'

// Formulas: $…$ and $$…$$ become KaTeX's HTML and MathML at build time; a TeX error is a located
// check error; dollar signs in prices stay dollar signs.

async function loaded(body: string): Promise<Post> {
  return (await load(tempSite({ 'posts/a.mdx': post([], body) }))).bySlug.get('a')!
}

/** A post as its feed item shows it: rendered with the feed registry, made feed-safe (lib/feed.ts does both). */
const feedHtml = (p: Post) => feedSafeHtml(renderToStaticMarkup(evaluatePost(p.code, feedComponents)({})), `https://example.org${p.url}`)

const html = (p: Post) => renderToStaticMarkup(<>{evaluatePost(p.code, mdxComponents)({})}</>)

/** The text of a page without its markup, formulas as their TeX (from the MathML's annotation). */
const formulas = (markup: string) => [...markup.matchAll(/<annotation encoding="application\/x-tex">(.*?)<\/annotation>/g)].map((m) => m[1])

describe('math', () => {
  it('renders an inline formula as HTML and MathML, and marks the post as having math', async () => {
    const p = await loaded('The area is $\\pi r^2$ exactly.')
    const out = html(p)
    expect(out).toMatch(/<p>The area is <span class="math-inline"><span class="katex"><span class="katex-mathml"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/)
    expect(out).toContain('<msup><mi>r</mi><mn>2</mn></msup>')
    expect(out).toContain('<span class="katex-html" aria-hidden="true">')
    expect(formulas(out)).toEqual(['\\pi r^2'])
    expect(p.math).toBe(true)
    // No line break between a formula and the full stop after it.
    expect(html(await loaded('Never less than $1$.'))).toMatch(/^<p>Never less than <span class="math-inline math-glued"><span class="katex">.*<\/span>\.<\/span><\/p>$/)
    // The summary shows the formula as its TeX rather than leaving a gap.
    expect(p.summary).toBe('The area is \\pi r^2 exactly.')
  })

  it('renders $$…$$ as display math in a focusable box of its own, as a block or on one line', async () => {
    const block = html(await loaded('$$\n\\sum_{k=1}^n k = \\frac{n(n+1)}{2}\n$$'))
    expect(block).toMatch(/^<div class="math-display" tabindex="0" role="group" aria-label="Formula"><span class="katex-display"><span class="katex"><span class="katex-mathml"><math [^>]*display="block">/)
    expect(formulas(block)).toEqual(['\\sum_{k=1}^n k = \\frac{n(n+1)}{2}'])
    const oneLine = html(await loaded('$$E = mc^2$$'))
    expect(oneLine).toMatch(/^<div class="math-display"/)
    expect(oneLine).not.toContain('<p>')
    // Inside a sentence, $$…$$ is an inline formula.
    expect(html(await loaded('So $$E = mc^2$$ holds.'))).toMatch(/^<p>So <span class="math-inline">/)
  })

  it('renders a ```math block as display math', async () => {
    const out = html(await loaded('```math\na^2 + b^2 = c^2\n```'))
    expect(out).toMatch(/^<div class="math-display"/)
    expect(formulas(out)).toEqual(['a^2 + b^2 = c^2'])
  })

  it('leaves a post without formulas as it was, and without math', async () => {
    const p = await loaded('No formulas here.')
    expect(p.math).toBe(false)
    expect(html(p)).toBe('<p>No formulas here.</p>')
  })

  describe('dollar signs that are not math', () => {
    it.each([
      ['$5 and $10', 'between $5 and $10 a month'],
      ['$20,000 and $30,000', 'from $20,000 and $30,000'],
      ['a range', 'costs $5-$10 per seat'],
      ['a single price', 'It costs $5.'],
      ['a dollar sign before a space', 'US$ 3 or $ 4'],
      ['escaped dollar signs', 'Write \\$x\\$ for dollars.'],
      ['dollar signs in code', 'Type `$HOME` and `$PATH`.'],
    ])('keeps %s as text', async (_what, text) => {
      const out = html(await loaded(text))
      expect(out).not.toContain('katex')
      expect(out.replace(/<\/?(p|code)>/g, '')).toBe(text.replaceAll('\\$', '$').replaceAll('`', ''))
    })

    it('warns when two dollar signs of money make a formula that reads like text', async () => {
      // As in Pandoc, "$12 … 30$" is a formula: a $ after a non-space and before a non-digit ends it.
      const content = await load(tempSite({ 'posts/a.mdx': post([], 'Pay $12 now; the rest is 30$ later. And $\\text{if } x > 0$.') }))
      expect(content.warnings.map((w) => formatProblem(w, w.file.replace(/posts\/a\.mdx$/, '')))).toEqual([
        'posts/a.mdx:6:5 warning: this is typeset as a formula, but reads like text: "12 now; the rest is 30" (if the dollar signs are money, write each as \\$; words in a formula go in \\text{…})',
      ])
    })

    it('finds formulas next to prices in the same paragraph', async () => {
      const out = html(await loaded('The $5 plan gives $n$ seats, the $10 plan $2n$.'))
      expect(formulas(out)).toEqual(['n', '2n'])
      expect(out).toContain('The $5 plan gives ')
    })

    it('reads \\$ inside a formula as TeX, not as its end', async () => {
      expect(formulas(html(await loaded('A price of $\\$5 + x$ in TeX.')))).toEqual(['\\$5 + x'])
    })
  })

  it('fails a TeX error at its line and column with KaTeX message', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Fine $x$ here.\n\nThen $x + \\frca{1}{2}$ breaks.\n\n$$\n\\frac{1}{\n$$') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:8:11 KaTeX cannot render this formula: Undefined control sequence: \\frca (fix the TeX, or write \\$ for a literal dollar sign)',
      "posts/a.mdx:11:10 KaTeX cannot render this formula: Unexpected end of input in a macro argument, expected '}' (fix the TeX, or write \\$ for a literal dollar sign)",
    ])
  })

  it('fails a TeX error in npm run check, which compiles only as far as checking needs', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Then $\\sqrt{x$ breaks.') })
    expect(await rejection(root, { checkOnly: true })).toEqual([
      "posts/a.mdx:6:14 KaTeX cannot render this formula: Expected '}', got 'EOF' (fix the TeX, or write \\$ for a literal dollar sign)",
    ])
  })

  it('refuses \\href and other commands that put links or attributes into the page, unless the site trusts HTML', async () => {
    const body = 'See $\\href{https://example.com}{x}$.'
    expect(await rejection(tempSite({ 'posts/a.mdx': post([], body) }))).toEqual([
      'posts/a.mdx:6:6 \\href is not available in a formula: it puts a link, image or attribute into the page (remove it; a site that trusts every author can set trustedHtml: true in content/site.yaml)',
    ])
    const trusted = await load(tempSite({ 'posts/a.mdx': post([], body) }, `${SITE_YAML}trustedHtml: true\n`))
    expect(html(trusted.bySlug.get('a')!)).toContain('href="https://example.com"')
  })

  it('gives feeds the MathML alone, without KaTeX HTML or its wrappers', async () => {
    const content = await load(tempSite({ 'posts/a.mdx': post([], 'Inline $x^2$ here.\n\n$$\n\\frac{a}{b}\n$$') }))
    const feed = feedHtml(content.bySlug.get('a')!)
    expect(feed).not.toMatch(/katex|class=|aria-hidden|tabindex|<span/)
    expect(feed).toMatch(/^<p>Inline <math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics><mrow><msup><mi>x<\/mi><mn>2<\/mn><\/msup><\/mrow><annotation encoding="application\/x-tex">x\^2<\/annotation><\/semantics><\/math> here\.<\/p>\n<math [^>]*display="block"><semantics><mrow><mfrac>/)
  })
})
