import type { Element, Root as HastRoot } from 'hast'
import { sanitize, type Schema } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import type { Root as MdastRoot } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

// A comment is Markdown from a stranger. Only this allow-list reaches the page: no raw HTML (remark
// drops it), no images, no attributes but a link's http(s)/mailto href.
const SCHEMA: Schema = {
  strip: ['script', 'style'],
  tagNames: ['p', 'br', 'em', 'strong', 'del', 'a', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote'],
  attributes: { a: ['href'], ol: ['start'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  required: {},
  clobberPrefix: '',
  ancestors: { li: ['ol', 'ul'] },
}

const parser = unified().use(remarkParse).use(remarkGfm, { singleTilde: false })

const toHast = unified().use(remarkRehype)

/** A comment's Markdown as sanitized HTML, links marked nofollow ugc, and how many links it has. */
function render(markdown: string): Rendered {
  const mdast = parser.runSync(parser.parse(markdown)) as MdastRoot
  let links = 0
  visit(mdast, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'linkReference') links++
    // Images become their alt text: no request to wherever a stranger points.
    if (node.type === 'image' && parent && index !== undefined) parent.children[index] = { type: 'text', value: node.alt ?? '' }
  })
  const clean = sanitize(toHast.runSync(mdast) as HastRoot, SCHEMA) as HastRoot
  visit(clean, 'element', (node: Element) => {
    if (node.tagName === 'a') node.properties = { ...node.properties, rel: ['nofollow', 'ugc', 'noopener'] }
  })
  return { html: toHtml(clean), links }
}

interface Rendered {
  html: string
  links: number
}

// Rendering is about 1 ms a comment and every request for a post's comments needs all of them, and
// a new comment is parsed for its links and then shown: the results for recent bodies are kept (the
// same text always gives the same HTML).
const rendered = new Map<string, Rendered>()
const KEEP = 5_000

function rendering(markdown: string): Rendered {
  const known = rendered.get(markdown)
  if (known !== undefined) {
    // Most recently used last, so the oldest is the first key.
    rendered.delete(markdown)
    rendered.set(markdown, known)
    return known
  }
  const result = render(markdown)
  rendered.set(markdown, result)
  if (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!)
  return result
}

/** A comment's Markdown as sanitized HTML, links marked nofollow ugc; recent results are reused. */
export function renderComment(markdown: string): string {
  return rendering(markdown).html
}

/** The number of links in a comment's Markdown (autolinked URLs included). */
export function countLinks(markdown: string): number {
  return rendering(markdown).links
}
