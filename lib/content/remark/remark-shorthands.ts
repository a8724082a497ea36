import type { Blockquote, Image, Paragraph } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { ADMONITION_TYPES, ALERT_ALIASES } from '../component-spec'
import { closest } from '../suggest'
import type { InkwellPlugin } from './context'
import { jsx } from './jsx'

const ALERT = /^\[!([A-Za-z]+)\][ \t]*/

/**
 * First of ours: Markdown shorthands become components, so the plugins after see one form. A
 * GitHub alert (`> [!TIP] Title`) becomes `<Admonition>` (an unknown type fails), a paragraph
 * holding only a titled image becomes `<Figure>`.
 */
export const remarkShorthands: InkwellPlugin = (ctx) => (tree) => {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return
    if (node.type === 'blockquote') {
      const converted = alertToAdmonition(node)
      if (converted === 'unknown') {
        const marker = toString(node).match(ALERT)?.[1] ?? ''
        const guess = closest(marker, [...ADMONITION_TYPES, ...Object.keys(ALERT_ALIASES)])
        ctx.fail(`unknown alert type [!${marker}] (${guess ? `did you mean [!${guess.toUpperCase()}]? ` : ''}use one of ${ADMONITION_TYPES.join(', ')})`, node)
      } else if (converted) {
        parent.children[index] = converted as never
      }
    }
    if (node.type === 'paragraph') {
      const figure = titledImageToFigure(node)
      if (figure) parent.children[index] = figure as never
    }
  })
}

/** `> [!TIP] Optional title` becomes `<Admonition type="tip" title="…">`. */
function alertToAdmonition(node: Blockquote): MdxJsxFlowElement | 'unknown' | undefined {
  const first = node.children[0]
  const text = first?.type === 'paragraph' ? first.children[0] : undefined
  if (!first || first.type !== 'paragraph' || text?.type !== 'text') return undefined
  const match = ALERT.exec(text.value)
  if (!match) return undefined
  const marker = match[1]!.toLowerCase()
  const type = (ADMONITION_TYPES as readonly string[]).includes(marker) ? marker : ALERT_ALIASES[marker]
  if (!type) return 'unknown'
  text.value = text.value.slice(match[0].length)
  // The rest of the marker's line is the title, whatever inline formatting it has (as plain text).
  const title: string[] = []
  while (first.children.length) {
    const child = first.children[0]!
    if (child.type === 'break') {
      first.children.shift()
      break
    }
    if (child.type === 'text' && child.value.includes('\n')) {
      title.push(child.value.slice(0, child.value.indexOf('\n')))
      child.value = child.value.slice(child.value.indexOf('\n') + 1)
      break
    }
    title.push(toString(child))
    first.children.shift()
  }
  if (first.children[0]?.type === 'text' && !first.children[0].value) first.children.shift()
  // Note: a copy when the marker's paragraph is left empty, so what this walk converts further
  // down (a titled image, a nested alert) lands in the blockquote's list, not the admonition's.
  const children = first.children.length ? node.children : node.children.slice(1)
  const heading = title.join('').trim()
  return jsx('Admonition', heading ? { type, title: heading } : { type }, children, node)
}

/** A paragraph holding only `![alt](src "Caption")` becomes `<Figure src alt caption />`. */
function titledImageToFigure(node: Paragraph): MdxJsxFlowElement | undefined {
  const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  const image = content[0]
  if (content.length !== 1 || image?.type !== 'image' || !(image as Image).title) return undefined
  return jsx('Figure', { src: image.url, alt: image.alt ?? '', caption: image.title! }, [], node)
}
