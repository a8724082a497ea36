import type { RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { SKIP, visit } from 'unist-util-visit'
import type { InkwellPlugin } from './context'

/** Counts the post's words (headings and code included) and keeps its first paragraph as plain text, for the summary. */
export const remarkTextStats: InkwellPlugin = (ctx) => (tree) => {
  const { facts } = ctx
  let words = 0
  const count = (text: string) => {
    words += text.split(/\s+/).filter(Boolean).length
  }
  visit(tree, (node, _index, parent) => {
    if (node.type === 'heading') {
      count(toString(node))
      return SKIP
    }
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') count(node.value)
    // The summary is the first paragraph of the post itself, not one inside a component.
    if (node.type === 'paragraph' && !facts.firstParagraph && parent?.type === 'root') {
      const { text, skipped } = proseText(node)
      facts.firstParagraph = text
      // Used as the summary unless the post gives one; the loader warns then.
      if (skipped) facts.summaryGap = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
    }
    return undefined
  })
  facts.words = words
}

/** The words a reader sees in a paragraph, and whether an expression had to be left out. */
function proseText(node: RootContent): { text: string; skipped: boolean } {
  const parts: string[] = []
  let skipped = false
  const walk = (n: RootContent) => {
    // A formula shows as its TeX: plain text has nothing better, and leaving it out would leave a gap.
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'inlineMath') parts.push(n.value)
    else if (n.type === 'break') parts.push(' ')
    else if (n.type === 'mdxTextExpression') skipped ||= Boolean(n.value.trim()) && !/^\/\*[\s\S]*\*\/$/.test(n.value.trim())
    else if (n.type === 'image' || n.type === 'footnoteReference') return
    else if ('children' in n) (n.children as RootContent[]).forEach(walk)
  }
  walk(node)
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), skipped }
}
