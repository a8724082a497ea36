import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { createSlugger } from '../../slug'
import type { InkwellPlugin } from './context'

/** Gives every heading a unique id, and lists them (for `#anchor` links) and the h2 and h3 ones (for the table of contents). */
export const remarkHeadings: InkwellPlugin = (ctx) => (tree) => {
  const slug = createSlugger()
  visit(tree, 'heading', (node) => {
    const text = toString(node)
    const id = slug(text)
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
    ctx.facts.ids.push(id)
    if (node.depth === 2 || node.depth === 3) ctx.facts.headings.push({ depth: node.depth, text, id })
  })
}
