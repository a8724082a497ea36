import type { ElementContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import katex from 'katex'
import type { Paragraph, RootContent } from 'mdast'
import type { InlineMath, Math } from 'mdast-util-math'
import { visit } from 'unist-util-visit'
import type { InkwellPlugin, Placed, RemarkContext } from './context'

const FIX = 'fix the TeX, or write \\$ for a literal dollar sign'

/**
 * Renders every formula (`$…$`, `$$…$$`, a ```` ```math ```` block) with KaTeX at build time, as
 * HTML for the page and MathML for screen readers and feeds; a paragraph holding only `$$…$$` is
 * display math. Fails a formula KaTeX cannot render at the character it names, with its message.
 * Runs before anything reads code languages, so a ```` ```math ```` block is a formula to them.
 */
export const remarkMath: InkwellPlugin = (ctx) => (tree, file) => {
  const source = String(file.value)
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return
    let formula: Math | InlineMath | undefined
    if (node.type === 'math' || node.type === 'inlineMath') formula = node
    else if (node.type === 'code' && node.lang === 'math') formula = { type: 'math', value: node.value, position: node.position }
    else if (node.type === 'paragraph') formula = displayParagraph(node, source)
    if (!formula) return
    if (formula.type === 'inlineMath' && source[(formula.position?.start.offset ?? 0) + 1] !== '$' && looksLikeProse(formula.value)) {
      const shown = formula.value.length > 60 ? `${formula.value.slice(0, 60)}…` : formula.value
      ctx.warn(`this is typeset as a formula, but reads like text: "${shown}" (if the dollar signs are money, write each as \\$; words in a formula go in \\text{…})`, formula)
    }
    const display = formula.type === 'math'
    const rendered = renderFormula(ctx, formula, source)
    if (!rendered) return
    ctx.facts.math = true
    formula.data = {
      hName: display ? 'div' : 'span',
      // A display formula wider than the screen scrolls sideways in its own box, which a keyboard
      // can reach (the stylesheet that comes with math makes it scroll).
      hProperties: display ? { className: ['math-display'], tabIndex: 0, role: 'group', ariaLabel: 'Formula' } : { className: ['math-inline'] },
      hChildren: rendered,
    }
    parent.children[index] = formula as never
    if (formula.type === 'inlineMath') glueTrailingPunctuation(formula, parent.children[index + 1])
  })
}

/**
 * A browser may break the line between a formula and the full stop after it (KaTeX's boxes are
 * inline blocks, and no joiner character holds them): a short formula takes the punctuation that
 * follows it into its box, which does not wrap. A long one keeps its own line breaks.
 */
function glueTrailingPunctuation(formula: InlineMath, next: RootContent | undefined) {
  const punctuation = next?.type === 'text' && formula.value.length <= 40 ? /^[.,;:!?)\]…]+/.exec(next.value)?.[0] : undefined
  if (!punctuation || next?.type !== 'text' || !formula.data?.hChildren) return
  next.value = next.value.slice(punctuation.length)
  formula.data.hProperties = { className: ['math-inline', 'math-glued'] }
  formula.data.hChildren.push({ type: 'text', value: punctuation })
}

/**
 * True when a $…$ formula holds two or more plain words: most likely the text between two
 * dollar signs of money ("$12 now, the rest 30$"), which the Pandoc rule cannot tell apart.
 */
function looksLikeProse(tex: string): boolean {
  const bare = tex.replace(/\\(?:text\w*|mathrm|operatorname|mbox)\s*\{[^}]*\}/g, ' ').replace(/\\[A-Za-z]+/g, ' ')
  return bare.split(/\s+/).filter((word) => /^[A-Za-z]{3,}[.,;:!?]?$/.test(word)).length >= 2
}

/** A paragraph whose only content is `$$…$$`: a display formula written on one line. */
function displayParagraph(node: Paragraph, source: string): Math | undefined {
  const only = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  const math = only[0]
  if (only.length !== 1 || math?.type !== 'inlineMath' || source.slice(math.position?.start.offset, (math.position?.start.offset ?? 0) + 2) !== '$$') return undefined
  return { type: 'math', value: math.value, position: node.position }
}

/** KaTeX's HTML and MathML for one formula as hast; undefined (and the post fails) when KaTeX refuses it. */
function renderFormula(ctx: RemarkContext, node: Math | InlineMath, source: string): ElementContent[] | undefined {
  const refused: string[] = []
  let html: string
  try {
    html = katex.renderToString(node.value, {
      displayMode: node.type === 'math',
      output: 'htmlAndMathml',
      throwOnError: true,
      // LaTeX-compatibility notes are no mistake of the author's; KaTeX would print them to the build log.
      strict: 'ignore',
      // \href, \url, \includegraphics and \html… put links, images and attributes into the page:
      // a post's HTML goes through the site's policy, so they are refused unless it trusts HTML.
      trust: (context) => {
        if (ctx.options.trustedHtml) return true
        refused.push(context.command)
        return false
      },
    })
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error
    ctx.fail(`KaTeX cannot render this formula: ${error.rawMessage} (${FIX})`, placeIn(node, source, error.position))
    return undefined
  }
  if (refused.length) {
    const command = refused[0]!
    ctx.fail(`${command} is not available in a formula: it puts a link, image or attribute into the page (remove it; a site that trusts every author can set trustedHtml: true in content/site.yaml)`, placeIn(node, source, node.value.indexOf(command)))
    return undefined
  }
  return fromHtml(html, { fragment: true }).children as ElementContent[]
}

/** Where character `offset` of a formula's TeX is in the file; the formula's start when it cannot be found there. */
function placeIn(node: Math | InlineMath, source: string, offset: number | undefined): Placed {
  const start = node.position?.start.offset
  if (start === undefined || offset === undefined || offset < 0) return node
  const at = source.indexOf(node.value, start)
  if (at < 0 || at > (node.position?.end.offset ?? at)) return node
  const before = source.slice(0, at + offset)
  return { position: { start: { line: before.split('\n').length, column: at + offset - before.lastIndexOf('\n') } } }
}
