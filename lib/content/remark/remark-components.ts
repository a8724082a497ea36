import type { Root, RootContent } from 'mdast'
import { SKIP } from 'unist-util-visit'
import { COMPONENT_SPECS } from '../component-spec'
import { closest } from '../suggest'
import { visitPost, type InkwellPlugin, type RemarkContext } from './context'
import { attribute, isJsxElement, literal, type JsxElement } from './jsx'

const COMPONENT_NAMES = Object.keys(COMPONENT_SPECS)
type MdxjsEsm = Extract<RootContent, { type: 'mdxjsEsm' }>

/**
 * Checks what a post names: no imports; exports only when the site trusts its authors' code (and
 * then the names they export are components too, from where they are exported on); every
 * component known, with the props it needs. Refused imports and exports are taken out of the tree.
 */
export const remarkComponents: InkwellPlugin = (ctx) => (tree: Root) => {
  const known = new Set(COMPONENT_NAMES)
  visitPost(tree, (node, index, parent) => {
    if (node.type === 'mdxjsEsm') {
      checkEsm(ctx, node, known)
      // What was refused is also taken out, so that a refused post, were it ever rendered, runs none of it.
      if (parent && index !== undefined && (!ctx.options.trustedCode || node.data?.estree?.body.some((s) => s.type !== 'ExportNamedDeclaration'))) {
        parent.children.splice(index, 1)
        return [SKIP, index]
      }
    } else if (isJsxElement(node)) {
      checkComponent(ctx, node, known)
    }
    return undefined
  })
}

/** Fails imports, `export default`, and exports unless trusted; adds what a trusted post exports to `known`. */
function checkEsm(ctx: RemarkContext, node: MdxjsEsm, known: Set<string>) {
  for (const statement of node.data?.estree?.body ?? []) {
    const place = { position: { start: { line: statement.loc?.start.line ?? node.position!.start.line, column: (statement.loc?.start.column ?? 0) + 1 } } }
    if (statement.type === 'ImportDeclaration') {
      ctx.fail('imports are not supported in posts (every Inkwell component is available without one: ' + COMPONENT_NAMES.join(', ') + ')', place)
    } else if (statement.type === 'ExportDefaultDeclaration') {
      ctx.fail('export default would replace the whole post with what it exports (remove it; the post is the text of the file)', place)
    } else if (!ctx.options.trustedCode) {
      ctx.fail(
        'export is not available in posts: it runs as code on the build machine (compute the value inside the {…} where it is used; a site that trusts every author with its build machine can set trustedCode: true in content/site.yaml)',
        place,
      )
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
      for (const d of statement.declaration.declarations) if (d.id.type === 'Identifier') known.add(d.id.name)
    } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration && 'id' in statement.declaration && statement.declaration.id) {
      known.add(statement.declaration.id.name)
    }
  }
}

/** Fails an unknown component, a missing required prop, a prop value that is not one of the allowed ones, and a doubled figure caption. */
function checkComponent(ctx: RemarkContext, node: JsxElement, known: Set<string>) {
  const name = node.name
  if (!name) return
  if (name === 'Figure' && attribute(node, 'caption') && node.children.length) {
    ctx.fail('<Figure> has a caption prop and caption text inside (keep one of the two)', node)
  }
  if (!/^[A-Z]/.test(name) && !name.includes('.')) return
  if (!known.has(name)) {
    const guess = closest(name, [...known])
    ctx.fail(`unknown component <${name}> (${guess ? `did you mean <${guess}>? ` : ''}available: ${[...known].map((n) => `<${n}>`).join(', ')})`, node)
    return
  }
  const spec = COMPONENT_SPECS[name]
  if (!spec) return
  for (const prop of spec.required ?? []) {
    if (!attribute(node, prop) && !node.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute')) {
      ctx.fail(`<${name}> needs ${/^[aeiou]/.test(prop) ? 'an' : 'a'} ${prop} prop (add ${prop}="…")`, node)
    }
  }
  for (const [prop, allowed] of Object.entries(spec.oneOf ?? {})) {
    const value = literal(node, prop)
    if (value !== undefined && !allowed.includes(value)) {
      const guess = closest(value, allowed)
      ctx.fail(`<${name}> ${prop}="${value}" is not one of ${allowed.join(', ')} (${guess ? `did you mean "${guess}"?` : 'pick one of them'})`, node)
    }
  }
}
