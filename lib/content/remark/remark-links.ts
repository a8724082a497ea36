import { visitPost, type InkwellPlugin, type Placed, type RemarkContext } from './context'
import { isJsxElement, literal } from './jsx'

/** Records `href` when it is a path on this site (`/…`, `#…`), for the loader to check once every post is known. */
export function collectLink(ctx: RemarkContext, href: string, node: Placed): void {
  const start = node.position?.start
  if (start && (href.startsWith('/') || href.startsWith('#')) && !href.startsWith('//')) {
    ctx.facts.links.push({ href, line: start.line, column: start.column })
  }
}

/** Collects the post's links to paths on this site: Markdown links and literal <a href>. */
export const remarkLinks: InkwellPlugin = (ctx) => (tree) => {
  const collect = (href: string, node: Placed) => collectLink(ctx, href, node)
  visitPost(tree, (node) => {
    if (node.type === 'link') collect(node.url, node)
    else if (isJsxElement(node) && node.name === 'a' && literal(node, 'href')) collect(literal(node, 'href')!, node)
  })
}
