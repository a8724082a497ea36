import type { Root } from 'mdast'
import type { Program } from 'estree'
import { visit } from 'unist-util-visit'
import { checkElement, markdownUrlProblem, type PolicyAttribute } from '../html-policy'
import { visitPost, type InkwellPlugin, type Placed, type RemarkContext } from './context'
import { isJsxElement, type JsxElement } from './jsx'

/**
 * Applies the HTML policy (html-policy.ts) unless site.yaml says trustedHtml: true: fails every
 * element, attribute and Markdown URL it refuses, and marks what it refused. Runs before
 * remark-expressions, so that a literal href={"…"} is still seen as one.
 */
export const remarkHtmlPolicy: InkwellPlugin = (ctx) => (tree) => {
  if (ctx.options.trustedHtml) return
  visitPost(tree, (node) => {
    if (node.type === 'image' && refusedUrl(ctx, 'image', node.url, node)) ctx.refused.add(node)
    else if (node.type === 'link') refusedUrl(ctx, 'link', node.url, node)
    // `[r]: url` serves `[text][r]` links and `![alt][r]` images: checked as what uses it.
    else if (node.type === 'definition') refusedUrl(ctx, imageReferences(tree).has(node.identifier) ? 'image' : 'link', node.url, node)
    else if (isJsxElement(node) && refusedHtml(ctx, node)) ctx.refused.add(node)
  })
}

/** Fails a Markdown link or image whose URL could run script; true when it did. */
function refusedUrl(ctx: RemarkContext, kind: 'link' | 'image', url: string, node: Placed): boolean {
  const message = markdownUrlProblem(kind, url)
  if (message) ctx.fail(message, node)
  return Boolean(message)
}

/** Identifiers that `![alt][r]` images use (definitions are rare: no need to keep the set). */
function imageReferences(tree: Root): Set<string> {
  const ids = new Set<string>()
  visit(tree, 'imageReference', (n) => void ids.add(n.identifier))
  return ids
}

/** Fails every element and attribute the policy refuses, at the attribute when it can; true when any. */
function refusedHtml(ctx: RemarkContext, node: JsxElement): boolean {
  if (!node.name) return false
  const problems = checkElement(node.name, node.attributes.map(policyAttribute))
  for (const p of problems) ctx.fail(p.message, p.place ? { position: { start: p.place } } : node)
  return problems.length > 0
}

/** A JSX attribute as the HTML policy reads it; an expression that is only a string counts as that string. */
function policyAttribute(a: JsxElement['attributes'][number]): PolicyAttribute {
  const place = a.position?.start
  const at = place ? { place: { line: place.line, column: place.column } } : {}
  if (a.type === 'mdxJsxExpressionAttribute') return { name: '...', spread: true, ...at }
  if (a.value === null || a.value === undefined) return { name: a.name, value: true, ...at }
  if (typeof a.value === 'string') return { name: a.name, value: a.value, ...at }
  const statement = (a.value.data?.estree as Program | undefined)?.body[0]
  const e = statement?.type === 'ExpressionStatement' ? statement.expression : undefined
  const text =
    e?.type === 'Literal' && typeof e.value === 'string' ? e.value : e?.type === 'TemplateLiteral' && !e.expressions.length ? e.quasis[0]?.value.cooked : undefined
  return typeof text === 'string' ? { name: a.name, value: text, ...at } : { name: a.name, dynamic: true, ...at }
}
