import { bundledLanguages } from 'shiki'
import { visit } from 'unist-util-visit'
import type { InkwellPlugin } from './context'

const PLAIN = ['text', 'plaintext', 'txt', 'plain']

/** Warns about a fenced code block in a language the highlighter does not know. */
export const remarkCodeLanguages: InkwellPlugin = (ctx) => (tree) => {
  visit(tree, 'code', (node) => {
    if (node.lang && !(node.lang in bundledLanguages) && !PLAIN.includes(node.lang)) {
      ctx.warn(`no syntax highlighting for language "${node.lang}" (use a language name shiki knows, or text)`, node)
    }
  })
}
