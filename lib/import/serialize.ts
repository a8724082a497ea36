import type { Parent, PhrasingContent, Root, RootContent } from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { mdxToMarkdown } from 'mdast-util-mdx'
import { phrasing } from 'mdast-util-phrasing'
import { toMarkdown, type Options } from 'mdast-util-to-markdown'
import { visit } from 'unist-util-visit'

import { jsx } from './jsx'

// Markdown nodes to the text of a post: plain Markdown (`.md`) when it needs no component, element
// or expression, else MDX. mdast-util-mdx escapes `{` and `<` wherever MDX would read them as an
// expression or a tag, and `}` is escaped too; in both, a `$` before a non-space (where a formula
// could start) is escaped, so text stays the text the author meant.

const DOLLAR: Options = {
  unsafe: [
    { character: '$', after: '\\S', inConstruct: ['phrasing'] },
    { atBreak: true, character: '$' },
  ],
}

const MARKDOWN: Options = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  extensions: [gfmToMarkdown(), DOLLAR],
}

const MDX: Options = {
  ...MARKDOWN,
  extensions: [gfmToMarkdown(), mdxToMarkdown({ printWidth: 120 }), { unsafe: [{ character: '}', inConstruct: ['phrasing'] }] }, DOLLAR],
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'mdxJsxFlowElement'])
const isPhrasing = (node: RootContent) => phrasing(node) || (node.type as string) === 'break'

/** Fixes what HTML conversion can leave that Markdown cannot write: loose inline nodes among blocks, block elements inside lines. */
export function tidy(parent: Parent, inTable = false): void {
  for (const child of parent.children) if ('children' in child) tidy(child, inTable || child.type === 'table')
  if (inTable) parent.children = parent.children.map((c) => (c.type === 'break' ? jsx('br', {}, [], false) : c)) as Parent['children']
  // An element that holds only a line of text is written on one line, by its parent.
  if (parent.type === 'mdxJsxFlowElement' && (parent.children as RootContent[]).every(isPhrasing)) return
  if (!FLOW_PARENTS.has(parent.type)) {
    // A block element inside a line: its lines become line breaks.
    parent.children = (parent.children as RootContent[]).flatMap((c) =>
      c.type === 'mdxJsxFlowElement' ? [{ ...c, type: 'mdxJsxTextElement', children: inlineOf(c.children) }] : [c],
    ) as Parent['children']
    return
  }
  const out: RootContent[] = []
  let run: PhrasingContent[] = []
  const flush = () => {
    if (run.some((n) => n.type !== 'text' || n.value.trim())) out.push({ type: 'paragraph', children: run })
    run = []
  }
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'mdxJsxFlowElement' && child.children.length && (child.children as RootContent[]).every(isPhrasing)) {
      run.push({ ...child, type: 'mdxJsxTextElement', children: child.children as PhrasingContent[] })
    } else if (isPhrasing(child)) run.push(child as PhrasingContent)
    else {
      flush()
      if (child.type === 'paragraph' && !child.children.length) continue
      out.push(child)
    }
  }
  flush()
  parent.children = out as Parent['children']
}

function inlineOf(nodes: RootContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    if (out.length && !isPhrasing(node)) out.push({ type: 'break' })
    if (isPhrasing(node)) out.push(node as PhrasingContent)
    else if ('children' in node) out.push(...inlineOf(node.children as RootContent[]))
  }
  return out
}

/** True when a body has a component, an element written as JSX, or an expression: only MDX can hold it. */
function needsMdx(tree: Root): boolean {
  let mdx = false
  visit(tree, (node) => void (mdx ||= node.type.startsWith('mdx')))
  return mdx
}

/** The text of a post body, and the format it is written in: `.md` when it needs no MDX. */
export function toPostText(tree: Root): { format: 'md' | 'mdx'; text: string } {
  tidy(tree)
  const format = needsMdx(tree) ? 'mdx' : 'md'
  return { format, text: toMarkdown(tree, format === 'mdx' ? MDX : MARKDOWN) }
}

/** Plain Markdown (no components, no MDX escapes), as comments are stored. */
export function toPlainMarkdown(tree: Root): string {
  tidy(tree)
  return toMarkdown(tree, { ...MARKDOWN, extensions: [gfmToMarkdown()] }).trim()
}
