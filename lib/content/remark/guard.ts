import { parse as parseJs } from 'acorn'
import type { Expression, Node as EsNode, Program } from 'estree'
import { EXPRESSION_THREW } from '../problems'
import { SANDBOX, sandboxExpression, type SandboxProblem } from '../sandbox'

// Every `{expression}` in a post is wrapped so that one which throws while the page renders
// names its own file, line and column instead of surfacing as a bare stack trace.

const GUARD = parseJs(
  '(() => { try { return __expr__; } catch (error) { throw new Error(__where__ + (error instanceof Error ? error.name + ": " + error.message : String(error)) + __fix__); } })()',
  { ecmaVersion: 'latest' },
) as unknown as Program

function replaceIdentifiers(node: unknown, replacements: Record<string, EsNode>): unknown {
  if (Array.isArray(node)) return node.map((n) => replaceIdentifiers(n, replacements))
  if (!node || typeof node !== 'object') return node
  const n = node as { type?: string; name?: string }
  if (n.type === 'Identifier' && n.name && n.name in replacements) return replacements[n.name]
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) copy[key] = replaceIdentifiers(value, replacements)
  return copy
}

/** True for expressions that cannot throw when evaluated: literals, functions, literal objects. */
export function isInert(node: EsNode): boolean {
  switch (node.type) {
    case 'Literal':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true
    case 'TemplateLiteral':
      return node.expressions.length === 0
    case 'UnaryExpression':
      return node.operator === '-' && node.argument.type === 'Literal'
    case 'ArrayExpression':
      return node.elements.every((e) => e !== null && e.type !== 'SpreadElement' && isInert(e))
    case 'ObjectExpression':
      return node.properties.every((p) => p.type === 'Property' && !p.computed && isInert(p.value))
    default:
      return false
  }
}

/** A trusted expression wrapped so that its error names `where`; undefined when it cannot throw. */
export function guard(estree: Program | undefined | null, where: string): Program | undefined {
  const statement = estree?.body[0]
  if (!estree || statement?.type !== 'ExpressionStatement' || isInert(statement.expression)) return undefined
  const wrapped = replaceIdentifiers(GUARD.body[0], {
    __expr__: statement.expression,
    __where__: { type: 'Literal', value: `${where} ${EXPRESSION_THREW} "` },
    __fix__: { type: 'Literal', value: '" (fix the JavaScript between { and }, or write \\{ to show a literal brace)' },
  } as Record<string, EsNode>) as Program['body'][number]
  return { ...estree, body: [wrapped] }
}

// The same guard for untrusted posts (see sandbox.ts): the allowed globals come in as parameters
// bound to their stand-ins, the expression's time budget starts, and what it gives the page is
// checked before React sees it.
const SANDBOX_GUARD = parseJs(
  `((__params__) => { ${SANDBOX}.begin(__where__); try { return __check__; } catch (error) { throw ${SANDBOX}.fail(__where__, error); } })(__args__)`,
  { ecmaVersion: 'latest' },
) as unknown as Program

/** An untrusted expression, checked (problems reported) and wrapped; undefined when it needs no guard. */
export function sandboxGuard(
  expression: Expression,
  where: { text: string; line: number; column: number },
  check: (e: Expression) => Expression,
  report: (p: SandboxProblem) => void,
  /** Guard it even when it is a literal: a spread `{...{ onClick: … }}` is checked as it runs. */
  always = false,
): Expression | undefined {
  let refused = false
  const { expression: safe, globals } = sandboxExpression(expression, where, (p) => {
    refused = true
    report(p)
  })
  // A literal needs no guard; a function literal does, as whatever it is handed to may call it.
  if (!always && !refused && isInert(expression) && expression.type !== 'ArrowFunctionExpression' && expression.type !== 'FunctionExpression') return undefined
  const id = (name: string): EsNode => ({ type: 'Identifier', name })
  const arg = (name: string): EsNode => ({
    type: 'MemberExpression',
    object: { type: 'MemberExpression', object: id(SANDBOX) as never, property: id('g') as never, computed: false, optional: false },
    property: id(name) as never,
    computed: false,
    optional: false,
  })
  const template = (SANDBOX_GUARD.body[0] as { expression: Expression }).expression as unknown as {
    callee: { params: EsNode[] }
    arguments: EsNode[]
  }
  const filled = replaceIdentifiers(template, {
    __check__: check(safe),
    __where__: { type: 'Literal', value: where.text },
  } as Record<string, EsNode>) as typeof template
  filled.callee.params = globals.map(id)
  filled.arguments = globals.map(arg)
  return filled as unknown as Expression
}

/** A call of one of the sandbox's run-time checks: `_inkwell.<method>(…args)`. */
export const sandboxCall = (method: string, args: Expression[]): Expression => ({
  type: 'CallExpression',
  callee: { type: 'MemberExpression', object: { type: 'Identifier', name: SANDBOX }, property: { type: 'Identifier', name: method }, computed: false, optional: false },
  arguments: args,
  optional: false,
})

/** A recma plugin that puts the run-time half of the sandbox in reach of the compiled code: run.ts passes it in. */
export function recmaSandbox() {
  return (tree: Program) => {
    tree.body.unshift(parseJs(`const ${SANDBOX} = arguments[0].${SANDBOX};`, { ecmaVersion: 'latest' }).body[0] as never)
  }
}
