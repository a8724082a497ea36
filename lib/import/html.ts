import type { Element, ElementContent, Comment as HastComment, Properties } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { defaultHandlers, toMdast, type Handle, type NodeHandle, type State } from 'hast-util-to-mdast'
import type { Image, Nodes, PhrasingContent, Root, RootContent } from 'mdast'

import { allowedElement, jsx, jsxAttributes, type AttributeNotes, type JsxElement } from './jsx'
import { codeBlock, embed, paragraph, text } from './nodes'
import type { ConvertContext } from './types'

// HTML to Markdown nodes (WordPress posts, raw HTML blocks in Markdown posts): what Markdown can
// say becomes Markdown (hast-util-to-mdast), the elements Inkwell allows and Markdown lacks stay
// as JSX, players become embed components, and everything else is left out with a report line.

/** Inline elements kept as they are, with their attributes. */
export const TEXT_ELEMENTS = new Set([
  'abbr',
  'bdi',
  'bdo',
  'cite',
  'dfn',
  'ins',
  'kbd',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  'samp',
  'small',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
])
/** Block elements kept, their content converted. */
export const FLOW_ELEMENTS = new Set(['details', 'summary', 'dl', 'dt', 'dd', 'figcaption', 'caption'])
/** Elements kept whole, as they are (media and drawings). */
const WHOLE_ELEMENTS = new Set(['svg', 'video', 'audio', 'picture'])
/** Wrappers whose content is kept without them: they only styled it on the old site. */
export const BLOCK_WRAPPERS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'center',
  'address',
  'hgroup',
])
export const INLINE_WRAPPERS = new Set(['span', 'font', 'big', 'nobr', 'label', 'blink', 'marquee', 'data', 'output', 'meter', 'progress'])
/** Left out with their content, and why. */
export const LEFT_OUT: Record<string, string> = {
  script: 'scripts do not run in Inkwell posts',
  style: "the site's style sheet styles posts",
  link: "the site's style sheet styles posts",
  noscript: 'scripts do not run in Inkwell posts, so it has nothing to stand in for',
  template: 'it holds markup only a script brings to life',
  form: 'posts cannot hold forms',
  button: 'posts cannot hold forms',
  select: 'posts cannot hold forms',
  textarea: 'posts cannot hold forms',
  input: 'posts cannot hold forms',
  object: 'plugins and embedded documents are not allowed in posts',
  embed: 'plugins and embedded documents are not allowed in posts',
  applet: 'plugins and embedded documents are not allowed in posts',
  canvas: 'it needs a script to draw anything',
  meta: 'page metadata belongs in the frontmatter',
  base: 'it would change where every link points',
}

type At = (node: { position?: { start: { line: number } } }) => number

/** Converts an HTML fragment to Markdown nodes; `line` is the file line the fragment starts on. */
export function htmlToNodes(html: string, ctx: ConvertContext, line: number): RootContent[] {
  const tree = fromHtml(html, { fragment: true })
  const at: At = (node) => line + (node.position?.start.line ?? 1) - 1
  const root = toMdast(tree, { handlers: handlers(ctx, at), nodeHandlers: { comment: commentHandler(ctx, at) } }) as Root
  return root.children
}

/** The text of an element, `<br>` as a line break (for code). */
export function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  if (node.tagName === 'br') return '\n'
  return node.children.map(textOf).join('')
}

const classesOf = (node: Element) => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : [])

/** A language from the classes of `<pre>` or `<code>`: language-x, lang-x, or SyntaxHighlighter's `brush: x`. */
export function languageOf(node: Element): string | undefined {
  const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code')
  for (const cls of [...classesOf(node), ...(code ? classesOf(code) : [])]) {
    const m = /^(?:language|lang)-([\w+#.-]+)$/.exec(cls)
    if (m) return m[1]
  }
  const brush = /brush:\s*([\w+#-]+)/.exec(String(node.properties.className ?? '').replace(/,/g, ' '))
  return brush?.[1] ?? (typeof node.properties.dataLang === 'string' ? node.properties.dataLang : undefined)
}

/** JSX attributes of a hast element, with a report line for what was left out. */
export function elementAttributes(node: Element, ctx: ConvertContext, line: number, properties: Properties = node.properties) {
  const notes: AttributeNotes = { style: false, refused: [] }
  const attributes = jsxAttributes(node.tagName, properties, notes)
  if (notes.style) ctx.noteOnce(line, `inline style="…" left out: the site's style sheet styles posts`)
  for (const what of notes.refused) ctx.note(line, `${what} left out: Inkwell's HTML policy refuses it`)
  return attributes
}

function element(node: Element, children: RootContent[], ctx: ConvertContext, line: number, flow: boolean): JsxElement {
  const el = jsx(node.tagName, {}, children, flow)
  el.attributes = elementAttributes(node, ctx, line)
  return el
}

/** An element and everything in it as JSX, text as text (SVG drawings, video with sources). */
function wholeElement(node: Element, ctx: ConvertContext, line: number): JsxElement | undefined {
  if (!allowedElement(node.tagName)) {
    ctx.note(line, `<${node.tagName}> left out: Inkwell's HTML policy does not allow it in posts`)
    return undefined
  }
  const children: RootContent[] = []
  for (const child of node.children) {
    if (child.type === 'text' && child.value.trim()) children.push(text(child.value))
    else if (child.type === 'element') {
      const inner = wholeElement(child, ctx, line)
      if (inner) children.push(inner)
    }
  }
  return element(node, children, ctx, line, false)
}

function handlers(ctx: ConvertContext, at: At): Record<string, Handle> {
  const table: Record<string, Handle> = { ...defaultHandlers }
  for (const tag of TEXT_ELEMENTS) table[tag] = (state, node) => element(node, state.all(node), ctx, at(node), false)
  for (const tag of FLOW_ELEMENTS) table[tag] = (state, node) => element(node, state.all(node), ctx, at(node), true)
  for (const tag of WHOLE_ELEMENTS) table[tag] = (_state, node) => wholeElement(node, ctx, at(node))
  for (const tag of BLOCK_WRAPPERS) table[tag] = (state, node) => unwrap(state, node, ctx, at(node), true)
  for (const tag of INLINE_WRAPPERS) table[tag] = (state, node) => unwrap(state, node, ctx, at(node), false)
  for (const [tag, why] of Object.entries(LEFT_OUT)) {
    table[tag] = (state, node) => {
      if (tag === 'input' && node.properties.type === 'checkbox') return defaultHandlers.input!(state, node)
      ctx.note(at(node), `<${tag}> left out: ${why}`)
      return undefined
    }
  }
  table.iframe = (_state, node) =>
    embed(String(node.properties.src ?? ''), node.properties.title ? String(node.properties.title) : undefined, ctx, at(node))
  table.img = (state, node) => image(state, node)
  table.pre = (_state, node) => codeBlock(textOf(node), languageOf(node))
  table.figure = (state, node) => figure(state, node, ctx, at(node))
  return table
}

function unwrap(state: State, node: Element, ctx: ConvertContext, line: number, block: boolean) {
  const said = Object.keys(node.properties).filter((k) => k !== 'className' && k !== 'id' && k !== 'dir' && k !== 'lang')
  if (said.length)
    ctx.noteOnce(line, `<${node.tagName}> wrappers left out (their ${said.join(', ')} styled the old site); their content is kept`)
  if (node.properties.id)
    ctx.noteOnce(line, `id="${String(node.properties.id)}" on a <${node.tagName}> left out: link to a heading instead`)
  const children = state.all(node)
  return block ? state.toFlow(children) : children
}

/** `<img>` as a Markdown image that remembers the size it was given, for remote images. */
function image(state: State, node: Element): Image {
  const result = defaultHandlers.img!(state, node) as Image
  const { width, height } = node.properties
  if (Number(width) > 0 && Number(height) > 0)
    result.data = { ...result.data, size: { width: Number(width), height: Number(height) } } as Image['data']
  return result
}

/** `<figure>`: an image with a caption becomes a titled image (an Inkwell figure); a WordPress embed, its player. */
function figure(state: State, node: Element, ctx: ConvertContext, line: number): RootContent | RootContent[] | undefined {
  const classes = classesOf(node)
  if (classes.some((c) => c.startsWith('wp-block-embed'))) {
    const url = /https?:\/\/\S+/.exec(textOf(node))?.[0]
    if (url) return embed(url, undefined, ctx, line)
  }
  const images: Element[] = []
  const find = (n: ElementContent) => {
    if (n.type !== 'element') return
    if (n.tagName === 'img') images.push(n)
    else if (n.tagName !== 'figcaption') n.children.forEach(find)
  }
  node.children.forEach(find)
  const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption')
  if (images.length === 1) {
    const img = image(state, images[0]!)
    const words = caption ? textOf(caption).replace(/\s+/g, ' ').trim() : ''
    if (words) img.title = words
    if (caption && caption.children.some((c) => c.type === 'element' && c.tagName === 'a'))
      ctx.noteOnce(line, 'links in a figure caption kept as text: an image caption is plain text')
    return paragraph([img])
  }
  return state.toFlow(state.all(node))
}

function commentHandler(ctx: ConvertContext, at: At): NodeHandle {
  return (_state, node) => comment((node as HastComment).value, ctx, at(node))
}

/** What an HTML comment becomes: `<!--more-->` a summary marker, Gutenberg's block comments nothing, others nothing but a report line. */
export function comment(value: string, ctx: ConvertContext, line: number): RootContent | undefined {
  if (/^\s*more\b/i.test(value)) return { type: 'importMore' } as unknown as RootContent
  if (/^\s*\/?wp:/.test(value)) {
    ctx.noteOnce(line, 'Gutenberg block comments (<!-- wp:… -->) removed: they only mark where blocks start and end')
    return undefined
  }
  const shown = value.trim().replace(/\s+/g, ' ')
  ctx.note(line, `HTML comment left out: <!-- ${shown.length > 50 ? `${shown.slice(0, 50)}…` : shown} -->`)
  return undefined
}

/** True for the summary marker that `comment` makes. */
export const isMore = (node: Nodes | RootContent) => (node.type as string) === 'importMore'

export type { PhrasingContent }
