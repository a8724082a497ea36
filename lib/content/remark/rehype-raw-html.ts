import type { Element, Root } from 'hast'
import { visit } from 'unist-util-visit'
import { checkHastElement } from '../html-policy'
import { isRemote, resolveImage } from '../images'
import type { RemarkContext } from './context'
import { collectLink } from './remark-links'

type Step = () => (tree: Root) => void

/** An element as the Markdown around raw HTML made it: where it starts, and its name. */
const placeOf = (el: Element) => (el.position?.start.offset === undefined ? undefined : `${el.position.start.offset}:${el.tagName}`)

/**
 * The steps on either side of rehype-raw in a `.md` post, where its raw HTML becomes elements.
 * Before: where each element that Markdown made starts (rehype-raw builds new nodes, keeping only
 * positions). After: every other element is the author's own HTML. It goes through the HTML policy
 * as written, unless site.yaml says trustedHtml: true, and its `<img>` and `<a>` are treated as
 * in MDX: images resolved and sized, links to this site checked. Elements with no place go
 * through the policy too (see refused).
 */
export function rawHtmlSteps(ctx: RemarkContext): { before: Step; after: Step } {
  // Places already seen: Markdown's, then the author's (a tag the parser reopened keeps its place: it is checked once).
  const seen = new Set<string>()
  const before: Step = () => (tree) => {
    visit(tree, 'element', (el) => void seen.add(placeOf(el) ?? ''))
  }
  const after: Step = () => (tree) => {
    visit(tree, 'element', (el) => {
      const place = placeOf(el)
      if (place === undefined) refused(ctx, el)
      else if (!seen.has(place)) {
        seen.add(place)
        rawElement(ctx, el)
      }
    })
  }
  return { before, after }
}

/**
 * Fails an element the HTML policy refuses; true when it did. Also run on elements with no place
 * in the file: those the HTML parser made itself (a `<tbody>`, or a formatting element it reopened
 * with the attributes of one the author wrote) and those Markdown made without one (footnotes).
 */
function refused(ctx: RemarkContext, el: Element): boolean {
  if (ctx.options.trustedHtml) return false
  let any = false
  checkHastElement(el, (problem) => {
    any = true
    ctx.fail(problem.message, problem.place ? { position: { start: problem.place } } : el)
  })
  return any
}

/** One element of the author's HTML: refused, or its image and link handled. */
function rawElement(ctx: RemarkContext, el: Element): void {
  if (refused(ctx, el)) return
  const href = el.properties.href
  if (el.tagName === 'a' && typeof href === 'string') collectLink(ctx, href, el)
  if (el.tagName === 'img' && typeof el.properties.src === 'string') rawImage(ctx, el, el.properties.src)
}

/** `<img src>`: the served URL, and width and height unless given (one given: the other in proportion). */
function rawImage(ctx: RemarkContext, el: Element, src: string): void {
  const resolved = resolveImage(src, ctx.options)
  const width = el.properties.width
  const height = el.properties.height
  if (typeof resolved === 'string') return ctx.fail(resolved, el)
  if (!resolved) {
    if (isRemote(src) && (width === undefined || height === undefined)) {
      ctx.fail(`remote image "${src}" needs width and height, so the page does not shift as it loads (add width="…" height="…")`, el)
    }
    return
  }
  if (!ctx.facts.assets.some((a) => a.file === resolved.file)) ctx.facts.assets.push(resolved)
  el.properties.src = resolved.url
  const given = Number(width)
  if (width === undefined && height === undefined) Object.assign(el.properties, { width: resolved.width, height: resolved.height })
  else if (height === undefined && Number.isFinite(given) && given > 0) el.properties.height = Math.round((given * resolved.height) / resolved.width)
}
