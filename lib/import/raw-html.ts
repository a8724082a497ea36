import type { Element, Properties } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { Heading, Image, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

import {
  BLOCK_WRAPPERS,
  comment,
  elementAttributes,
  FLOW_ELEMENTS,
  htmlToNodes,
  INLINE_WRAPPERS,
  LEFT_OUT,
  TEXT_ELEMENTS,
  textOf,
} from './html'
import { allowedElement, jsx } from './jsx'
import { embed } from './nodes'
import type { ConvertContext } from './types'

// Raw HTML inside a Markdown post. Markdown splits it into pieces: `<kbd>`, text, `</kbd>` in a
// paragraph, or `<details>`, Markdown paragraphs, `</details>` as blocks. The pieces are matched
// up again here, so that an element keeps the Markdown between its tags as its children.

interface Token {
  kind: 'open' | 'close' | 'void' | 'comment' | 'text'
  tag: string
  value: string
  start: number
  end: number
}

const TOKEN =
  /<!--([\s\S]*?)-->|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<![^>]*>|<\?[\s\S]*?\?>/g
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

function tokenize(html: string): Token[] {
  const tokens: Token[] = []
  let last = 0
  for (const m of html.matchAll(TOKEN)) {
    const start = m.index
    if (start > last) tokens.push({ kind: 'text', tag: '', value: html.slice(last, start), start: last, end: start })
    const [value, commentText, closeTag, openTag, , selfClose] = m
    const base = { value, start, end: start + value.length }
    if (commentText !== undefined) tokens.push({ ...base, kind: 'comment', tag: '', value: commentText })
    else if (closeTag) tokens.push({ ...base, kind: 'close', tag: closeTag.toLowerCase() })
    else if (openTag)
      tokens.push({ ...base, kind: selfClose || VOID.has(openTag.toLowerCase()) ? 'void' : 'open', tag: openTag.toLowerCase() })
    last = start + value.length
  }
  if (last < html.length) tokens.push({ kind: 'text', tag: '', value: html.slice(last), start: last, end: html.length })
  return tokens
}

/** The end of the element opened at `tokens[i]`, when its closing tag is in the same piece of HTML. */
function closingIndex(tokens: Token[], i: number): number {
  let depth = 0
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!
    if (t.tag !== tokens[i]!.tag) continue
    if (t.kind === 'open') depth++
    else if (t.kind === 'close' && --depth === 0) return j
  }
  return -1
}

/** The element an opening tag describes, its attributes read the way a browser reads them. */
function elementOf(token: Token): Element {
  const attrs = /^<[A-Za-z][\w:-]*([\s\S]*?)\/?>$/.exec(token.value)?.[1] ?? ''
  const parsed = fromHtml(`<span${attrs}></span>`, { fragment: true }).children[0]
  const properties: Properties = parsed?.type === 'element' ? parsed.properties : {}
  return { type: 'element', tagName: token.tag, properties, children: [] }
}

const decode = (value: string) =>
  textOf({
    type: 'element',
    tagName: 'span',
    properties: {},
    children: fromHtml(value, { fragment: true }).children as Element['children'],
  })

interface Frame {
  token: Token
  line: number
  children: RootContent[]
}

/**
 * Rebuilds a list of sibling nodes that holds `html` pieces: matched tags become the nodes they
 * stand for, with the siblings between them as children. `phrasing`: the siblings are inline.
 */
export function rebuildHtml(children: RootContent[], phrasing: boolean, ctx: ConvertContext): RootContent[] {
  const root: Frame = { token: { kind: 'open', tag: '', value: '', start: 0, end: 0 }, line: 0, children: [] }
  const stack = [root]
  const top = () => stack[stack.length - 1]!
  for (const child of children) {
    if (child.type !== 'html') {
      top().children.push(child)
      continue
    }
    const line = child.position?.start.line ?? 1
    const tokens = tokenize(child.value)
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!
      const lineHere = line + (child.value.slice(0, token.start).match(/\n/g)?.length ?? 0)
      const end = !phrasing && token.kind === 'open' ? closingIndex(tokens, i) : -1
      if (end >= 0) {
        top().children.push(...htmlToNodes(child.value.slice(token.start, tokens[end]!.end), ctx, lineHere))
        i = end
      } else if (token.kind === 'open') stack.push({ token, line: lineHere, children: [] })
      else if (token.kind === 'close') closeTag(stack, token, ctx, lineHere, phrasing)
      else top().children.push(...tokenNodes(token, ctx, lineHere, phrasing))
    }
  }
  while (stack.length > 1) {
    const frame = stack.pop()!
    if (!['p', 'li'].includes(frame.token.tag))
      ctx.note(frame.line, `<${frame.token.tag}> is never closed: closed at the end of its ${phrasing ? 'paragraph' : 'block'}`)
    top().children.push(...frameNodes(frame, ctx, phrasing))
  }
  return root.children
}

function closeTag(stack: Frame[], token: Token, ctx: ConvertContext, line: number, phrasing: boolean) {
  const at = stack.findLastIndex((f) => f.token.tag === token.tag)
  if (at < 1) {
    ctx.note(line, `stray </${token.tag}> left out: no <${token.tag}> opens it`)
    return
  }
  while (stack.length > at) {
    const frame = stack.pop()!
    stack[stack.length - 1]!.children.push(...frameNodes(frame, ctx, phrasing))
  }
}

/** A text, comment or void-element token as nodes. */
function tokenNodes(token: Token, ctx: ConvertContext, line: number, phrasing: boolean): RootContent[] {
  if (token.kind === 'comment') {
    const node = comment(token.value, ctx, line)
    return node ? [node] : []
  }
  if (token.kind === 'text') {
    if (!token.value.trim()) return phrasing && token.value ? [{ type: 'text', value: token.value }] : []
    return phrasing ? [{ type: 'text', value: decode(token.value) }] : htmlToNodes(token.value, ctx, line)
  }
  const el = elementOf(token)
  if (token.tag === 'br') return [{ type: 'break' }]
  if (token.tag === 'hr') return [{ type: 'thematicBreak' }]
  if (token.tag === 'img') return [imageOf(el)]
  if (LEFT_OUT[token.tag] && !(token.tag === 'input' && el.properties.type === 'checkbox')) {
    ctx.note(line, `<${token.tag}> left out: ${LEFT_OUT[token.tag]}`)
    return []
  }
  if (!allowedElement(token.tag)) {
    ctx.note(line, `<${token.tag}> left out: Inkwell's HTML policy does not allow it in posts`)
    return []
  }
  const node = jsx(token.tag, {}, [], !phrasing)
  node.attributes = elementAttributes(el, ctx, line)
  return [node]
}

export function imageOf(el: Element): Image {
  const { src, alt, title, width, height } = el.properties
  const image: Image = { type: 'image', url: String(src ?? ''), alt: alt ? String(alt) : '', title: title ? String(title) : null }
  if (Number(width) > 0 && Number(height) > 0) image.data = { size: { width: Number(width), height: Number(height) } } as Image['data']
  return image
}

const inline = (nodes: RootContent[]): PhrasingContent[] =>
  nodes.flatMap((n) => (n.type === 'paragraph' ? n.children : n.type === 'heading' ? n.children : [n as PhrasingContent]))

const MARKDOWN: Record<string, (children: RootContent[], el: Element) => RootContent[]> = {
  em: (c) => [{ type: 'emphasis', children: inline(c) }],
  i: (c) => [{ type: 'emphasis', children: inline(c) }],
  strong: (c) => [{ type: 'strong', children: inline(c) }],
  b: (c) => [{ type: 'strong', children: inline(c) }],
  del: (c) => [{ type: 'delete', children: inline(c) }],
  s: (c) => [{ type: 'delete', children: inline(c) }],
  strike: (c) => [{ type: 'delete', children: inline(c) }],
  code: (c) => [{ type: 'inlineCode', value: c.map((n) => toString(n)).join('') }],
  tt: (c) => [{ type: 'inlineCode', value: c.map((n) => toString(n)).join('') }],
  p: (c) => c,
  blockquote: (c) => [{ type: 'blockquote', children: c as never }],
}

/** What a matched element becomes, its children already converted. */
function frameNodes(frame: Frame, ctx: ConvertContext, phrasing: boolean): RootContent[] {
  const { tag } = frame.token
  const el = elementOf(frame.token)
  const { children, line } = frame
  if (MARKDOWN[tag]) return MARKDOWN[tag](children, el)
  if (tag === 'a' && el.properties.href)
    return [
      {
        type: 'link',
        url: String(el.properties.href),
        title: el.properties.title ? String(el.properties.title) : null,
        children: inline(children),
      },
    ]
  if (/^h[1-6]$/.test(tag) && !phrasing) return [{ type: 'heading', depth: Number(tag[1]) as Heading['depth'], children: inline(children) }]
  if (tag === 'iframe')
    return [embed(String(el.properties.src ?? ''), el.properties.title ? String(el.properties.title) : undefined, ctx, line)]
  if (BLOCK_WRAPPERS.has(tag) || INLINE_WRAPPERS.has(tag) || (tag === 'a' && !el.properties.id)) {
    const said = Object.keys(el.properties).filter((k) => !['className', 'id', 'dir', 'lang'].includes(k))
    if (said.length) ctx.noteOnce(line, `<${tag}> wrappers left out (their ${said.join(', ')} styled the old site); their content is kept`)
    return children
  }
  if (LEFT_OUT[tag]) {
    ctx.note(line, `<${tag}> left out with its content: ${LEFT_OUT[tag]}`)
    return []
  }
  if (!allowedElement(tag)) {
    ctx.note(line, `<${tag}> left out, its content kept: Inkwell's HTML policy does not allow it in posts`)
    return children
  }
  const flow = !phrasing && (FLOW_ELEMENTS.has(tag) || !TEXT_ELEMENTS.has(tag))
  const node = jsx(tag, {}, children, flow)
  node.attributes = elementAttributes(el, ctx, line)
  return [node]
}
