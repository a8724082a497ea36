import path from 'node:path'
import type { Expression, Program } from 'estree'
import type { SandboxProblem } from '../sandbox'
import { visitPost, type InkwellPlugin, type Placed, type RemarkContext } from './context'
import { guard, sandboxCall, sandboxGuard } from './guard'
import { isJsxElement, type JsxElement } from './jsx'

/** A node that carries an expression: `{…}` in the text, an attribute's `{…}` value, a `{...spread}`. */
type Holder = { data?: { estree?: Program | null } }
type Check = (e: Expression) => Expression

/**
 * Guards every expression of the post where it stands (guard.ts): sandboxed and checked unless
 * site.yaml says trustedCode: true; what an untrusted one gives the page is checked as it runs,
 * unless trustedHtml: true. Runs after remark-html-policy, which reads literal attributes.
 */
export const remarkExpressions: InkwellPlugin = (ctx) => (tree, file) => {
  const protect = protector(ctx, path.relative(file.cwd, ctx.options.file))
  const passThrough = ctx.options.trustedHtml === true
  const guardIn = (holder: Holder, place: Placed, check: Check) => {
    const wrapped = protect(holder.data?.estree, place, passThrough ? (e) => e : check)
    if (wrapped) holder.data = { ...holder.data, estree: wrapped as never }
    ctx.guarded ||= Boolean(wrapped)
  }
  const guardAttributes = (node: JsxElement) => {
    const tag = { type: 'Literal', value: node.name ?? '' } as Expression
    for (const attr of node.attributes) {
      if (attr.type === 'mdxJsxAttribute' && attr.value && typeof attr.value === 'object') {
        const name = { type: 'Literal', value: attr.name } as Expression
        guardIn(attr.value as Holder, attr.position ? attr : node, (e) => sandboxCall('attr', [tag, name, e]))
      } else if (attr.type === 'mdxJsxExpressionAttribute' && !ctx.options.trustedCode) {
        guardIn(attr as Holder, attr.position ? attr : node, (e) => sandboxCall('spread', [tag, e]))
      }
    }
  }
  visitPost(tree, (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') guardIn(node as Holder, node, (e) => sandboxCall('value', [e]))
    else if (isJsxElement(node)) guardAttributes(node)
  })
}

/** Guards one expression: sandboxed unless the site trusts its authors' code; undefined when it needs no guard. */
function protector(ctx: RemarkContext, relFile: string) {
  const where = (node: Placed) => `${relFile}:${node.position?.start.line ?? 1}:${node.position?.start.column ?? 1}`
  const report = (p: SandboxProblem) => ctx.fail(p.message, { position: { start: p } })
  return (estree: Program | undefined | null, place: Placed, check: Check): Program | undefined => {
    if (!estree) return undefined
    if (ctx.options.trustedCode) return guard(estree, where(place))
    const statement = estree.body[0]
    if (statement?.type !== 'ExpressionStatement') return undefined
    const start = place.position?.start ?? { line: 1, column: 1 }
    const expression = statement.expression
    // `<Figure {...data} />`: the spread object is what the sandbox checks.
    const spread = expression.type === 'ObjectExpression' && expression.properties.length === 1 && expression.properties[0]!.type === 'SpreadElement' ? expression.properties[0] : undefined
    const wrapped = sandboxGuard(spread ? spread.argument : expression, { text: where(place), ...start }, check, report, Boolean(spread))
    if (!wrapped) return undefined
    const body = spread ? { ...expression, properties: [{ ...spread, argument: wrapped }] } : wrapped
    return { ...estree, body: [{ ...statement, expression: body }] }
  }
}
