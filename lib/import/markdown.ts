import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

import { isMore } from './html'
import { rebuildHtml } from './raw-html'
import type { ConvertContext, Replacement } from './types'

// A Markdown body (Hugo, Zola, Jekyll) to Markdown nodes: shortcodes are swapped for placeholders
// before parsing (so a multi-line shortcode cannot break the Markdown around it) and for their
// nodes after; raw HTML is matched up and converted; node positions are the source file's lines.

const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
  'mdxJsxTextElement',
])

interface Substituted {
  text: string
  /** File line of each line of `text` (index 1 is the first line). */
  lines: number[]
  nodes: Map<string, Extract<Replacement, { nodes: unknown }>>
  marker: RegExp
}

/** Replaces each shortcode by its text, or by a placeholder word for its nodes. */
function substitute(text: string, replacements: Replacement[], firstLine: number): Substituted {
  let salt = 0
  while (text.includes(`inkwellslot${salt}x`)) salt++
  const prefix = `inkwellslot${salt}x`
  const nodes = new Map<string, Extract<Replacement, { nodes: unknown }>>()
  const lines = [firstLine, firstLine]
  let out = ''
  let line = firstLine
  let last = 0
  const copy = (chunk: string) => {
    for (const ch of chunk) {
      out += ch
      if (ch === '\n') lines.push(++line)
    }
  }
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    if (r.start < last) continue
    copy(text.slice(last, r.start))
    if ('text' in r) out += r.text
    else {
      const key = `${prefix}${nodes.size}z`
      nodes.set(key, r)
      out += key
    }
    line += text.slice(r.start, r.end).match(/\n/g)?.length ?? 0
    last = r.end
  }
  copy(text.slice(last))
  return { text: out, lines, nodes, marker: new RegExp(`${prefix}\\d+z`, 'g') }
}

/** Converts a Markdown text that starts on `firstLine` of the post's file. */
export async function convertMarkdown(text: string, ctx: ConvertContext, firstLine: number): Promise<RootContent[]> {
  const lineAt = (offset: number) => firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0)
  const replacements = ctx.post.shortcodes ? await ctx.post.shortcodes(text, ctx, lineAt) : []
  const sub = substitute(text, replacements, firstLine)
  const tree = fromMarkdown(sub.text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  relocate(tree, sub.lines)
  fillSlots(tree, sub, ctx)
  convertHtml(tree, ctx)
  return tree.children
}

/** Moves every position from the substituted text's lines to the file's. */
function relocate(node: Nodes, lines: number[]) {
  const pos = node.position
  if (pos) {
    pos.start = { ...pos.start, line: lines[pos.start.line] ?? pos.start.line }
    pos.end = { ...pos.end, line: lines[pos.end.line] ?? pos.end.line }
  }
  if ('children' in node) for (const child of node.children) relocate(child, lines)
}

/** The file line of a node (1 when unknown). */
export const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1

type Piece = string | Extract<Replacement, { nodes: unknown }>

function pieces(value: string, sub: Substituted): Piece[] {
  const out: Piece[] = []
  let last = 0
  for (const m of value.matchAll(sub.marker)) {
    out.push(value.slice(last, m.index))
    out.push(sub.nodes.get(m[0])!)
    last = m.index + m[0].length
  }
  out.push(value.slice(last))
  return out.filter((p) => p !== '')
}

/** Puts each shortcode's nodes where its placeholder is; a block one ends the paragraph around it. */
function fillSlots(parent: Parent, sub: Substituted, ctx: ConvertContext) {
  const next: RootContent[] = []
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'code' || child.type === 'inlineCode' || child.type === 'html') {
      child.value = child.value.replace(sub.marker, (key) => sub.nodes.get(key)!.original)
      next.push(child)
    } else if (child.type === 'text') {
      next.push(...textSlots(child.value, sub, ctx, lineOf(child), parent.type === 'paragraph'))
    } else {
      if ('children' in child) fillSlots(child, sub, ctx)
      next.push(child)
    }
    if ('url' in child) child.url = child.url.replace(sub.marker, (key) => sub.nodes.get(key)!.original)
  }
  parent.children = next as Parent['children']
  if (parent.type === 'root' || !PHRASING_PARENTS.has(parent.type))
    parent.children = splitParagraphs(parent.children as RootContent[]) as Parent['children']
}

/** A text's pieces: text, inline nodes, and block nodes (marked, for splitParagraphs), or the shortcode as text where blocks cannot go. */
function textSlots(value: string, sub: Substituted, ctx: ConvertContext, line: number, inParagraph: boolean): RootContent[] {
  return pieces(value, sub).flatMap((piece): RootContent[] => {
    if (typeof piece === 'string') return [{ type: 'text', value: piece }]
    if (!piece.block) return piece.nodes
    if (inParagraph) return [{ type: 'importBlock', nodes: piece.nodes } as unknown as RootContent]
    ctx.note(
      line,
      `shortcode kept as text: it makes a block, and stands inside a heading, table or link here (${piece.original.slice(0, 40)})`,
    )
    return [{ type: 'text', value: piece.original }]
  })
}

/** Splits paragraphs at the block shortcodes inside them. */
function splitParagraphs(children: RootContent[]): RootContent[] {
  return children.flatMap((child) => {
    if (child.type !== 'paragraph' || !child.children.some((c) => (c.type as string) === 'importBlock')) return [child]
    const out: RootContent[] = []
    let run: PhrasingContent[] = []
    const flush = () => {
      const trimmed = trimRun(run)
      if (trimmed.length) out.push({ type: 'paragraph', children: trimmed, position: child.position })
      run = []
    }
    for (const c of child.children) {
      if ((c.type as string) !== 'importBlock') run.push(c)
      else {
        flush()
        out.push(...(c as unknown as { nodes: RootContent[] }).nodes)
      }
    }
    flush()
    return out
  })
}

/** A run of inline nodes without the line breaks and spaces at its ends. */
function trimRun(run: PhrasingContent[]): PhrasingContent[] {
  const nodes = [...run]
  while (nodes.length && isBlank(nodes[0]!)) nodes.shift()
  while (nodes.length && isBlank(nodes[nodes.length - 1]!)) nodes.pop()
  const first = nodes[0]
  if (first?.type === 'text') nodes[0] = { ...first, value: first.value.replace(/^\s+/, '') }
  const last = nodes[nodes.length - 1]
  if (last?.type === 'text') nodes[nodes.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') }
  return nodes
}

const isBlank = (node: PhrasingContent) => node.type === 'break' || (node.type === 'text' && !node.value.trim())

/** Converts the raw HTML of a tree, innermost first. */
export function convertHtml(parent: Parent, ctx: ConvertContext) {
  for (const child of parent.children) if ('children' in child) convertHtml(child, ctx)
  if (!parent.children.some((c) => c.type === 'html')) return
  const phrasing = PHRASING_PARENTS.has(parent.type)
  parent.children = rebuildHtml(parent.children as RootContent[], phrasing, ctx) as Parent['children']
  for (const child of parent.children) if ('children' in child && child.children.some((c) => c.type === 'html')) convertHtml(child, ctx)
}

/** Takes the summary marker (`<!--more-->`) out of a tree: the plain text before it, if any. */
export function takeMore(tree: Root): RootContent[] | undefined {
  const index = tree.children.findIndex((c) => isMore(c) || ('children' in c && (c.children as RootContent[]).some(isMore)))
  if (index < 0) return undefined
  const holder = tree.children[index]!
  const before = tree.children.slice(0, index)
  if (isMore(holder)) tree.children.splice(index, 1)
  else if (holder.type === 'paragraph') {
    const at = holder.children.findIndex((c) => isMore(c))
    before.push({ ...holder, children: holder.children.slice(0, at) })
    holder.children = trimRun(holder.children.filter((c) => !isMore(c)))
    if (!holder.children.length) tree.children.splice(index, 1)
  }
  return before
}
