import type { Nodes, Parent, Root } from 'mdast'
import type { VFile } from 'vfile'

// Quotes, lists or elements nested thousands deep (`>>>>…`, `- - - …`, `<div><div>…`) parse
// fine, but every later step walks the tree by recursion and runs out of stack. Real posts nest
// a handful of levels; past the limit the post is refused where the limit is crossed, and what
// lies deeper is cut off so that no later step sees it. The MDX compiler's own first step
// already recurses, so markers piled up on one line (`>>>>…`, `- - - …`) are found in the text,
// before compiling.

/** The deepest nesting a post may have, counted in quotes, lists, elements and inline formatting. */
export const MAX_DEPTH = 100

/** The message for content nested `level` levels deep. */
export const tooDeep = (level: number) => `content nested ${level} levels deep (at most ${MAX_DEPTH}: flatten the lists or quotes)`

/** Where the quote and list markers at the start of one line (`> > - 1. …`) first nest deeper than MAX_DEPTH, if they do. */
export function deepMarkers(body: string): { line: number; column: number } | undefined {
  const lines = body.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    let depth = 0
    for (let i = 0; i < line.length; ) {
      const c = line[i]!
      if (c === ' ' || c === '\t') {
        i++
        continue
      }
      const ordered = /^\d{1,9}[.)](?=[ \t])/.exec(line.slice(i, i + 11))
      if (c === '>' || ('-*+'.includes(c) && /[ \t]/.test(line[i + 1] ?? '')) || ordered) {
        if (++depth > MAX_DEPTH) return { line: n + 1, column: i + 1 }
        i += ordered ? ordered[0].length : 1
        continue
      }
      break
    }
  }
  return undefined
}

const NESTING = new Set(['blockquote', 'list', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'footnoteDefinition'])

/** A remark plugin, first of ours (the compiler's own first step cannot be preceded): refuses (fatally) and cuts content nested deeper than MAX_DEPTH. */
export function remarkDepthLimit() {
  return (tree: Root, file: VFile) => {
    let reported = false
    // A loop with its own stack, not recursion: this walk must survive the trees it guards against.
    const stack: [Nodes, number][] = [[tree, 0]]
    while (stack.length) {
      const [node, depth] = stack.pop()!
      const level = depth + (NESTING.has(node.type) ? 1 : 0)
      if (!('children' in node)) continue
      if (level > MAX_DEPTH) {
        if (!reported) {
          const message = file.message(tooDeep(level), { place: node.position?.start, source: 'inkwell' })
          message.fatal = true
          reported = true
        }
        ;(node as Parent).children = []
        continue
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, level])
    }
  }
}
