import type { InkwellPlugin } from './context'

/** Last of ours: in a check-only compile with nothing guarded, nothing is left that could fail, so the stages after get an empty tree (see CompileOptions.checkOnly). */
export const remarkCheckOnly: InkwellPlugin = (ctx) => (tree) => {
  if (ctx.options.checkOnly && !ctx.guarded) tree.children = []
}
