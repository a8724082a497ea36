import type { Element, Nodes, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'

// HTML is compared after both sides are parsed by one HTML parser and written out again by one
// serializer, the way the spec's own normalize.py compares: what a browser would build is what
// counts, not how it is spelled. So attribute order and quoting, `<br>` against `<br />`, character
// references (`&quot;`, `&#x27;`, `&amp;ouml;`) and runs of whitespace (outside <pre>) do not count,
// nor does whitespace at the start and end of a block or between blocks. Everything else does:
// elements, attributes and their values, text, comments. Two more things are left out: whitespace
// at the very start and end (after the last block it would make the parser reopen a tag left
// unclosed, `<a href="x">` alone, as a browser does, which says nothing about the Markdown), and the
// `<link rel="preload" as="image">` React 19 writes beside an `<img>` that is not lazy, which in a
// page goes into the <head>.

const BLOCK = new Set(
  'address article aside blockquote body dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre script section style summary table tbody td tfoot th thead tr ul'.split(' '),
)

const isBlock = (node: RootContent | undefined) => node?.type === 'element' && BLOCK.has(node.tagName)

/** Whitespace collapsed and trimmed at block edges, in `parent` and below (not in <pre>). */
function tidy(parent: Root | Element): void {
  if (parent.type === 'element' && parent.tagName === 'pre') return
  for (const child of parent.children) if (child.type === 'text') child.value = child.value.replace(/\s+/g, ' ')
  const edge = parent.type === 'root' || BLOCK.has(parent.tagName)
  parent.children = parent.children.filter((child, i, all) => {
    if (child.type !== 'text') return true
    if (edge && i === 0) child.value = child.value.trimStart()
    if (edge && i === all.length - 1) child.value = child.value.trimEnd()
    if (isBlock(all[i - 1])) child.value = child.value.trimStart()
    if (isBlock(all[i + 1])) child.value = child.value.trimEnd()
    return child.value !== ''
  })
  for (const child of parent.children) {
    if (child.type === 'element') {
      child.properties = Object.fromEntries(Object.entries(child.properties).sort(([a], [b]) => a.localeCompare(b)))
      tidy(child)
    }
  }
}

/** HTML in the normal form described above. */
export function normalizeHtml(html: string): string {
  const tree = fromHtml(html.trim(), { fragment: true })
  tree.children = tree.children.filter((n) => !(n.type === 'element' && n.tagName === 'link' && n.properties.rel?.toString() === 'preload' && n.properties.as === 'image'))
  tidy(tree)
  return toHtml(tree as Nodes, { characterReferences: { useNamedReferences: false }, closeSelfClosing: false })
}
