import type { Element, ElementContent, Nodes, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import { SKIP, visit } from 'unist-util-visit'

// Feed readers show a post with their own styles and strip most markup they do not know, so the
// HTML in a feed must stand on its own: no scripts, no layout that needs our CSS classes, code as
// plain text, and every link and image absolute (a reader resolves relative URLs against the
// feed, or not at all).

/** Elements that never belong in a feed item. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'button', 'link', 'meta'])

/** KaTeX's wrappers (and ours around them), which lay out its HTML rendering with our stylesheet. */
const MATH_WRAPPERS = new Set(['katex', 'katex-mathml', 'katex-display', 'math-display', 'math-inline'])

/** Attributes whose value is a URL, by hast property name. */
const URL_PROPS = ['href', 'src', 'poster', 'cite', 'action'] as const

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('')
  return ''
}

function absolute(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base)
    // A javascript: link runs in the reader's page; nothing an author means in a feed.
    return url.protocol === 'javascript:' ? undefined : url.href
  } catch {
    return value
  }
}

/** Keeps what carries meaning; drops styling, data attributes, event handlers and focus order. */
function cleanProperties(node: Element, base: string) {
  const props = node.properties
  for (const key of Object.keys(props)) {
    if (key === 'className' || key === 'style' || key === 'tabIndex' || /^(data|on)[A-Z]/.test(key) || /^on/.test(key)) {
      delete props[key]
    }
  }
  for (const key of URL_PROPS) {
    const value = props[key]
    if (typeof value !== 'string') continue
    const resolved = absolute(value, base)
    if (resolved === undefined) delete props[key]
    else props[key] = resolved
  }
  if (typeof props.srcSet === 'string') {
    props.srcSet = props.srcSet
      .split(',')
      .map((candidate) => {
        const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
        return [absolute(url, base) ?? '', ...descriptor].join(' ')
      })
      .join(', ')
  }
}

/**
 * Turns a post's rendered HTML into feed-safe HTML: relative URLs made absolute on `pageUrl`
 * (the post's absolute URL, so `#notes` points into the post), highlighted code flattened to
 * `<pre><code>`, decorative and interactive parts (aria-hidden, hidden, scripts, buttons) dropped,
 * formulas reduced to their MathML, and class, style and data attributes removed.
 */
export function feedSafeHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true })
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined) return
    const props = node.properties
    if (DROP.has(node.tagName) || props.hidden !== undefined || props.ariaHidden === 'true') {
      parent.children.splice(index, 1)
      return [SKIP, index]
    }
    // A formula is its MathML: the HTML rendering beside it is aria-hidden (dropped above), and
    // the wrappers go too, so readers that know MathML show it as it is.
    if (Array.isArray(props.className) && props.className.some((c) => MATH_WRAPPERS.has(String(c)))) {
      parent.children.splice(index, 1, ...node.children)
      return index
    }
    // rehype-pretty-code's wrapper: keep it only when it carries a title in a <figcaption>.
    if (
      node.tagName === 'figure' &&
      props.dataRehypePrettyCodeFigure !== undefined &&
      !node.children.some((c) => c.type === 'element' && c.tagName === 'figcaption')
    ) {
      parent.children.splice(index, 1, ...node.children)
      return [SKIP, index]
    }
    cleanProperties(node, pageUrl)
    if (node.tagName === 'pre') {
      // Highlighted code is a span per line and per token, coloured by our CSS variables; a
      // reader gets none of that, so it gets the text.
      const code: Element = {
        type: 'element',
        tagName: 'code',
        properties: {},
        children: [{ type: 'text', value: textOf(node).replace(/\n$/, '') }],
      }
      node.children = [code]
      return SKIP
    }
    return undefined
  })
  return toHtml(tree, { characterReferences: { useNamedReferences: true } }).trim()
}

/** An element for a cover image at the top of a feed item. */
export function imageHtml(src: string, width: number, height: number, alt = ''): string {
  const img: ElementContent = { type: 'element', tagName: 'img', properties: { src, alt, width, height }, children: [] }
  return toHtml({ type: 'element', tagName: 'p', properties: {}, children: [img] })
}
