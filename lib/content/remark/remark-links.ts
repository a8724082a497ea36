import { visitPost, type InkwellPlugin, type Placed } from './context'
import { isJsxElement, literal } from './jsx'

/** Collects the post's links to paths on this site (`/…`, `#…`), for the loader to check once every post is known. */
export const remarkLinks: InkwellPlugin = (ctx) => (tree) => {
  const collect = (href: string, node: Placed) => {
    const start = node.position?.start
    if (start && (href.startsWith('/') || href.startsWith('#')) && !href.startsWith('//')) {
      ctx.facts.links.push({ href, line: start.line, column: start.column })
    }
  }
  visitPost(tree, (node) => {
    if (node.type === 'link') collect(node.url, node)
    else if (isJsxElement(node) && node.name === 'a' && literal(node, 'href')) collect(literal(node, 'href')!, node)
  })
}
