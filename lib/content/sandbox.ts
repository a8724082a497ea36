import type { Node as EsNode, Program, Pattern, Identifier, Expression, Statement, BlockStatement } from 'estree'
import { checkElement, type PolicyAttribute } from './html-policy'

// Post expressions (`{2 ** 10}`, `width={400}`) are the author's JavaScript, and posts come from
// guest authors and importers. Unless site.yaml says `trustedCode: true`, an expression may use
// only what it declares itself, the MDX `props`, and the pure globals below; it can reach
// nothing of the build machine. Two layers:
// - this file, at compile time: every identifier, property name and construct is checked, and
//   the expression is rewritten so that computed keys, loops and functions go through the
//   run-time guards, and the allowed globals are frozen stand-ins (sandbox-runtime.ts);
// - sandbox-runtime.ts, at render time: those guards, a time budget, and a check that what an
//   expression returns is made of allowed elements only (an object can pose as a React element).

/** The name of the run-time guard object in compiled post code (see run.ts). */
export const SANDBOX = '_inkwell'

/** Globals a post expression may use; each is a frozen stand-in, never the real object. */
export const ALLOWED_GLOBALS = [
  'Math', 'JSON', 'Date', 'Intl', 'Number', 'String', 'Array', 'Object', 'Boolean', 'Map', 'Set',
  'RegExp', 'Error', 'TypeError', 'RangeError', 'parseInt', 'parseFloat', 'isNaN', 'isFinite',
  'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI',
] as const

// Values rather than objects: safe as they are.
const CONSTANTS = new Set(['undefined', 'NaN', 'Infinity'])

/** MDX passes `props` to the post; it is frozen before the post sees it. */
const PROVIDED = new Set(['props'])

/**
 * Property names that lead from any value to its prototype or constructor, and from there to
 * `Function`, which turns a string into code with full access.
 */
export const FORBIDDEN_KEYS = new Set([
  'constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__', 'caller', 'callee', 'arguments', '$$typeof', '_owner', '_store',
])

// Names the post may not declare: a local `process` would make a reference to `process`
// elsewhere in the expression look declared. Underscore names are the compiled code's own.
const reservedName = (name: string) =>
  (name.startsWith('_') && name !== '_') || name in globalThis || ['require', 'module', 'exports', 'props', 'arguments', 'MDXContent'].includes(name)

const HINT = '(a post expression may use what it declares, props, Math, JSON, Date, Intl, Number, String, Array and Object; trustedCode: true in content/site.yaml lifts this for a site that trusts every author)'

export interface SandboxProblem {
  message: string
  line: number
  column: number
}

type AnyNode = EsNode & { loc?: { start: { line: number; column: number } } | null }

const at = (node: AnyNode, fallback: { line: number; column: number }) =>
  node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : fallback

/** Names bound by a pattern (`a`, `{ b, c: [d] }`, `...e`). */
function patternNames(pattern: Pattern | null | undefined, out: Identifier[]): void {
  if (!pattern) return
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern)
      break
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, out)
      break
    case 'ArrayPattern':
      for (const e of pattern.elements) patternNames(e, out)
      break
    case 'RestElement':
      patternNames(pattern.argument, out)
      break
    case 'AssignmentPattern':
      patternNames(pattern.left, out)
      break
  }
}

const staticKey = (node: EsNode): string | undefined =>
  node.type === 'Identifier' ? node.name : node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined

const call = (callee: Expression, args: Expression[]): Expression => ({ type: 'CallExpression', callee, arguments: args, optional: false })
const member = (object: string, property: string): Expression => ({
  type: 'MemberExpression',
  object: { type: 'Identifier', name: object },
  property: { type: 'Identifier', name: property },
  computed: false,
  optional: false,
})
// What the check refuses is also disarmed in the code, so that even a refused post, were it ever
// rendered, could run none of it.
const refuse = (what: string): Expression => call(member(SANDBOX, 'refuse'), [{ type: 'Literal', value: what }])
const refuseReference = (name: string): Expression => call(member(SANDBOX, 'undeclared'), [{ type: 'Literal', value: name }])
const sink = (name: string): Expression => ({ type: 'MemberExpression', object: member(SANDBOX, 'sink'), property: { type: 'Identifier', name }, computed: false, optional: false })
const tick = (): Statement => ({ type: 'ExpressionStatement', expression: call(member(SANDBOX, 'tick'), []) })
const withTick = (body: Statement): BlockStatement =>
  body.type === 'BlockStatement' ? { ...body, body: [tick(), ...body.body] } : { type: 'BlockStatement', body: [tick(), body] }

/**
 * Checks one post expression against the sandbox's rules, reporting each thing it may not do at
 * its own position, and returns it rewritten for the run-time guards, with the globals it uses.
 */
export function sandboxExpression(
  expression: Expression,
  origin: { line: number; column: number },
  report: (problem: SandboxProblem) => void,
): { expression: Expression; globals: string[] } {
  const rewriter = new Rewriter(origin, report)
  const rewritten = rewriter.rewrite(expression) as Expression
  return { expression: rewritten, globals: rewriter.resolveReferences() }
}

/** One expression's rewrite: what it declares, the names it refers to and writes, and the problems on the way. */
class Rewriter {
  readonly declared = new Set<string>()
  readonly references: Identifier[] = []
  /** Identifiers written to (`x = 1`, `x++`, `for (x of …)`): disarmed as a write, not a read. */
  readonly targets = new Set<Identifier>()

  constructor(
    readonly origin: { line: number; column: number },
    readonly report: (problem: SandboxProblem) => void,
  ) {}

  fail(node: AnyNode, message: string) {
    this.report({ message, ...at(node, this.origin) })
  }

  written(pattern: Pattern | EsNode | null | undefined) {
    const ids: Identifier[] = []
    if (pattern && pattern.type !== 'VariableDeclaration' && pattern.type !== 'MemberExpression') patternNames(pattern as Pattern, ids)
    ids.forEach((id) => this.targets.add(id))
  }

  /** Declarations anywhere in the expression count, so a use before its declaration is still declared. */
  declare(patterns: (Pattern | null | undefined)[]) {
    const ids: Identifier[] = []
    for (const p of patterns) patternNames(p, ids)
    for (const id of ids) {
      if (reservedName(id.name)) this.fail(id, `"${id.name}" cannot be declared in a post, because it names something of the build machine or of the page (choose another name)`)
      // Declared even when refused, so its uses are not reported a second time.
      this.declared.add(id.name)
    }
  }

  rewrite(node: unknown, parent?: AnyNode): unknown {
    if (Array.isArray(node)) return node.map((n) => this.rewrite(n, parent))
    if (!node || typeof node !== 'object' || typeof (node as { type?: unknown }).type !== 'string') return node
    const n = node as AnyNode
    const refused = this.refusal(n)
    if (refused) return refused
    switch (n.type) {
      case 'AssignmentExpression':
        this.written(n.left)
        return this.rewriteChildren(n)
      case 'UpdateExpression':
        this.written(n.argument)
        return this.rewriteChildren(n)
      case 'LabeledStatement':
        return { ...n, body: this.rewrite(n.body, n) }
      case 'BreakStatement':
      case 'ContinueStatement':
        return n
      case 'Identifier':
        this.references.push(n)
        return n
      case 'VariableDeclarator':
        this.declare([n.id])
        return { ...n, id: this.rewritePattern(n.id), init: this.rewrite(n.init, n) }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionDeclaration':
        return this.rewriteFunction(n)
      case 'CatchClause':
        this.declare([n.param])
        return { ...n, param: n.param && this.rewritePattern(n.param), body: this.rewrite(n.body, n) }
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement': {
        if (n.type === 'ForInStatement' || n.type === 'ForOfStatement') this.written(n.left)
        const copy = this.rewriteChildren(n) as typeof n
        return { ...copy, body: withTick(copy.body as Statement) }
      }
      case 'MemberExpression':
        return this.rewriteMember(n)
      case 'Property':
        return this.rewriteProperty(n, parent)
      case 'JSXElement':
        this.checkHtml(n)
        return this.rewriteChildren(n)
      case 'JSXIdentifier':
      case 'JSXMemberExpression':
      case 'JSXNamespacedName':
        // Element names: components resolve through the registry, not through scope.
        return n
      default:
        return this.rewriteChildren(n)
    }
  }

  /** What may not be written at all: reported, and replaced by a call that refuses it should it ever run. */
  refusal(n: AnyNode): unknown {
    switch (n.type) {
      case 'ThisExpression':
        this.fail(n, `"this" is not available in a post expression ${HINT}`)
        return refuse('this')
      case 'MetaProperty':
        this.fail(n, `${(n.meta as Identifier).name}.${(n.property as Identifier).name} is not available in a post expression ${HINT}`)
        return refuse('import.meta')
      case 'ImportExpression':
        this.fail(n, `import() is not available in a post: it would load code onto the build machine ${HINT}`)
        return refuse('import()')
      case 'Super':
      case 'ClassExpression':
        this.fail(n, `classes are not available in a post expression (use plain objects and functions) ${HINT}`)
        return refuse('a class')
      case 'ClassDeclaration':
        this.fail(n, `classes are not available in a post expression (use plain objects and functions) ${HINT}`)
        return { type: 'ExpressionStatement', expression: refuse('a class') }
      case 'WithStatement':
      case 'DebuggerStatement':
        this.fail(n, `"${n.type === 'WithStatement' ? 'with' : 'debugger'}" is not available in a post expression ${HINT}`)
        return { type: 'ExpressionStatement', expression: refuse(n.type === 'WithStatement' ? 'with' : 'debugger') }
      default:
        return undefined
    }
  }

  /** A function: its parameters and name declared, its body counting against the time budget at every call. */
  rewriteFunction(n: Extract<AnyNode, { type: 'FunctionExpression' | 'ArrowFunctionExpression' | 'FunctionDeclaration' }>): unknown {
    this.declare([...n.params, n.type !== 'ArrowFunctionExpression' ? n.id : undefined])
    if (n.async || n.generator) this.fail(n, `${n.async ? 'async' : 'generator'} functions are not available in a post expression (a post renders once, at build time) ${HINT}`)
    const params = n.params.map((p) => this.rewritePattern(p))
    const body = this.rewrite(n.body, n) as Expression | BlockStatement
    const block: BlockStatement = body.type === 'BlockStatement' ? withTick(body) : { type: 'BlockStatement', body: [tick(), { type: 'ReturnStatement', argument: body }] }
    return { ...n, params, body: block, expression: false }
  }

  /** `a.b`, `a["b"]`, `a[k]`: a key that leads to the build machine is refused; one computed at run time is checked when it is known. */
  rewriteMember(n: Extract<AnyNode, { type: 'MemberExpression' }>): unknown {
    const object = this.rewrite(n.object, n) as Expression
    if (!n.computed) {
      const name = (n.property as Identifier).name
      if (!FORBIDDEN_KEYS.has(name)) return { ...n, object }
      this.fail(n.property, `".${name}" is not available in a post expression: it leads to code that can reach the build machine ${HINT}`)
      return { ...n, object, computed: true, property: call(member(SANDBOX, 'key'), [{ type: 'Literal', value: name }]) }
    }
    const key = n.property.type === 'Literal' ? staticKey(n.property) : undefined
    if (key !== undefined) {
      if (!FORBIDDEN_KEYS.has(key)) return { ...n, object }
      this.fail(n.property, `"[${JSON.stringify(key)}]" is not available in a post expression: it leads to code that can reach the build machine ${HINT}`)
      return { ...n, object, property: call(member(SANDBOX, 'key'), [{ type: 'Literal', value: key }]) }
    }
    return { ...n, object, property: call(member(SANDBOX, 'key'), [this.rewrite(n.property, n) as Expression]) }
  }

  /** An object literal's (or pattern's) property: `{ __proto__: x }` would set a prototype. */
  rewriteProperty(n: Extract<AnyNode, { type: 'Property' }>, parent: AnyNode | undefined): unknown {
    const key = n.computed ? undefined : staticKey(n.key)
    const refused = key !== undefined && FORBIDDEN_KEYS.has(key)
    if (refused) this.fail(n.key, `a property named "${key}" is not available in a post expression ${HINT}`)
    // `{ a }` is `{ a: a }`: the value becomes a node of its own, so that disarming a refused
    // reference (below) leaves the key alone.
    const own = n.shorthand ? { ...(n.value as object) } : n.value
    const value = parent?.type === 'ObjectPattern' ? this.rewritePattern(own as Pattern) : this.rewrite(own, n)
    const computedKey = n.computed || refused ? call(member(SANDBOX, 'key'), [n.computed ? (this.rewrite(n.key, n) as Expression) : { type: 'Literal', value: key! }]) : n.key
    return { ...n, key: computedKey, computed: n.computed || refused, shorthand: false, value }
  }

  /** An HTML element written in JSX inside an expression goes through the same policy as one in the text. */
  checkHtml(n: Extract<AnyNode, { type: 'JSXElement' }>): void {
    const opening = n.openingElement
    const name = jsxName(opening.name)
    if (!name || /^[A-Z]/.test(name)) return
    const attributes: PolicyAttribute[] = opening.attributes.map((a) =>
      a.type === 'JSXSpreadAttribute'
        ? { name: '…', spread: true, place: at(a as AnyNode, this.origin) }
        : {
            name: a.name.type === 'JSXIdentifier' ? a.name.name : `${a.name.namespace.name}:${a.name.name.name}`,
            value: a.value === null ? true : a.value.type === 'Literal' && typeof a.value.value === 'string' ? a.value.value : undefined,
            dynamic: a.value !== null && a.value.type !== 'Literal',
            place: at(a as AnyNode, this.origin),
          },
    )
    for (const problem of checkElement(name, attributes)) this.report({ message: problem.message, ...(problem.place ?? at(n, this.origin)) })
  }

  rewriteChildren(n: AnyNode): unknown {
    const copy: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(n)) copy[k] = k === 'loc' || k === 'range' ? v : this.rewrite(v, n)
    return copy
  }

  /** A pattern's own names are declarations, not references; defaults and computed keys are. */
  rewritePattern(pattern: Pattern): Pattern {
    switch (pattern.type) {
      case 'Identifier':
        return pattern
      case 'ObjectPattern':
        return {
          ...pattern,
          properties: pattern.properties.map((p) =>
            p.type === 'RestElement' ? { ...p, argument: this.rewritePattern(p.argument) } : (this.rewrite(p, pattern as AnyNode) as typeof p),
          ),
        }
      case 'ArrayPattern':
        return { ...pattern, elements: pattern.elements.map((e) => e && this.rewritePattern(e)) }
      case 'RestElement':
        return { ...pattern, argument: this.rewritePattern(pattern.argument) }
      case 'AssignmentPattern':
        return { ...pattern, left: this.rewritePattern(pattern.left), right: this.rewrite(pattern.right, pattern as AnyNode) as Expression }
      default:
        // A member expression as an assignment target: `[a.b] = …`.
        return this.rewrite(pattern, undefined) as Pattern
    }
  }

  /**
   * After the rewrite: the allowed globals the expression uses, to be passed in. Every other name
   * it does not declare is disarmed: one the check did not refuse is simply not defined, and
   * rendering reports it as "x is not defined" at its line. A write goes to a frozen object.
   */
  resolveReferences(): string[] {
    const globals = new Set<string>()
    for (const id of this.references) {
      if (this.declared.has(id.name) || CONSTANTS.has(id.name) || PROVIDED.has(id.name)) continue
      if ((ALLOWED_GLOBALS as readonly string[]).includes(id.name)) {
        globals.add(id.name)
        continue
      }
      if (id.name === SANDBOX || (id.name.startsWith('_') && id.name !== '_')) this.fail(id, `"${id.name}" is not available in a post expression ${HINT}`)
      else if (id.name in globalThis || ['require', 'module', 'exports', 'arguments'].includes(id.name)) {
        this.fail(id, `"${id.name}" is not available in a post expression: it belongs to the build machine ${HINT}`)
      } else if (this.targets.has(id)) this.fail(id, `"${id.name}" is assigned but never declared (declare it first: let ${id.name} = …)`)
      Object.assign(id, this.targets.has(id) ? sink(id.name) : refuseReference(id.name))
      delete (id as { name?: string }).name
    }
    return [...globals]
  }
}

function jsxName(name: { type: string; name?: unknown; namespace?: { name: string }; object?: unknown; property?: { name: string } }): string | undefined {
  if (name.type === 'JSXIdentifier') return name.name as string
  if (name.type === 'JSXNamespacedName') return `${name.namespace!.name}:${(name.name as { name: string }).name}`
  return undefined
}

/** The expression of an MDX `{…}` estree, if it is one expression (not an empty or comment-only one). */
export function expressionOf(program: Program | null | undefined): Expression | undefined {
  const statement = program?.body[0]
  return statement?.type === 'ExpressionStatement' ? statement.expression : undefined
}
