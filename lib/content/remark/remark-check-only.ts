import type { Nodes } from 'mdast'
import type { InkwellPlugin } from './context'

/** True when a tree holds raw HTML (only `.md` posts have it). */
const hasHtml = (node: Nodes): boolean => node.type === 'html' || ('children' in node && node.children.some(hasHtml))

/**
 * Last of ours: in a check-only compile with nothing guarded, nothing is left that could fail, so
 * the stages after get an empty tree (see CompileOptions.checkOnly). Raw HTML of a `.md` post is
 * still to be checked: it becomes elements only after this (remark/rehype-raw-html.ts).
 */
export const remarkCheckOnly: InkwellPlugin = (ctx) => (tree) => {
  if (ctx.options.checkOnly && !ctx.guarded && !hasHtml(tree)) tree.children = []
}
