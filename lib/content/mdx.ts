import fs from 'node:fs'
import path from 'node:path'
import { compile } from '@mdx-js/mdx'
import { parse as parseJs } from 'acorn'
import type { Program, Node as EsNode, Expression as EsExpression } from 'estree'
import type { Root, Paragraph, Image, Blockquote, RootContent } from 'mdast'
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx'
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression'
import { toString } from 'mdast-util-to-string'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import remarkGfm from 'remark-gfm'
import { bundledLanguages } from 'shiki'
import { visit, SKIP } from 'unist-util-visit'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { ADMONITION_TYPES, ALERT_ALIASES, COMPONENT_SPECS } from '../../components/mdx/spec'
import { createSlugger } from '../slug'
import { checkElement as checkHtmlElement, markdownUrlProblem, type PolicyAttribute } from './html-policy'
import { SANDBOX, sandboxExpression, type SandboxProblem } from './sandbox'
import { deepMarkers, MAX_DEPTH, remarkDepthLimit, tooDeep } from './depth'
import { isRemote, resolveImage, type Asset, type ImageOptions } from './images'
import { EXPRESSION_THREW, type Problem } from './problems'
import { closest } from './suggest'

/** A heading of a post, for its table of contents. */
export interface TocHeading {
  depth: 2 | 3
  text: string
  id: string
}

/** A link from a post to a path on this site, checked once every post is known. */
export interface InternalLink {
  href: string
  line: number
  column: number
}

/** Everything compiling a post yields: the code to render and what was learned on the way. */
export interface CompiledPost {
  /** MDX compiled to a function body, for `runSync` at render time. */
  code: string
  headings: TocHeading[]
  /** Every heading id, for checking `#anchor` links. */
  ids: string[]
  firstParagraph: string
  /** Where the first paragraph has an expression that a plain-text summary cannot show. */
  summaryGap?: { line: number; column: number }
  words: number
  links: InternalLink[]
  assets: Asset[]
  problems: Problem[]
}

export interface CompileOptions extends ImageOptions {
  /** Absolute path of the .mdx file, for messages. */
  file: string
  /**
   * Compile only as far as `npm run check` needs: parsing and our plugin find every problem, while
   * what follows (highlighting, code generation) cannot fail and is half the time. The result has
   * no code, unless the post has an expression that the check must try by rendering it; then it
   * has code without highlighting. Never rendered as a page.
   */
  checkOnly?: boolean
  /** site.yaml `trustedCode`: expressions and exports run unsandboxed. */
  trustedCode?: boolean
  /** site.yaml `trustedHtml`: any element and attribute is kept. */
  trustedHtml?: boolean
}

export type { Asset } from './images'

const COMPONENT_NAMES = Object.keys(COMPONENT_SPECS)
const ALERT = /^\[!([A-Za-z]+)\][ \t]*/
type JsxElement = MdxJsxFlowElement | MdxJsxTextElement
type Place = { line: number; column: number }

const attribute = (node: JsxElement, name: string) =>
  node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name)

const literal = (node: JsxElement, name: string): string | undefined => {
  const value = attribute(node, name)?.value
  return typeof value === 'string' ? value : undefined
}

const jsx = (name: string, attrs: Record<string, string>, children: RootContent[], from: RootContent): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attrs).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children: children as MdxJsxFlowElement['children'],
  position: from.position,
})

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
function isInert(node: EsNode): boolean {
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

function guard(estree: Program | undefined | null, where: string): Program | undefined {
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
function sandboxGuard(
  expression: EsExpression,
  where: { text: string; line: number; column: number },
  check: (e: EsExpression) => EsExpression,
  report: (p: SandboxProblem) => void,
  /** Guard it even when it is a literal: a spread `{...{ onClick: … }}` is checked as it runs. */
  always = false,
): EsExpression | undefined {
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
  const template = (SANDBOX_GUARD.body[0] as { expression: EsExpression }).expression as unknown as {
    callee: { params: EsNode[] }
    arguments: EsNode[]
  }
  const filled = replaceIdentifiers(template, {
    __check__: check(safe),
    __where__: { type: 'Literal', value: where.text },
  } as Record<string, EsNode>) as typeof template
  filled.callee.params = globals.map(id)
  filled.arguments = globals.map(arg)
  return filled as unknown as EsExpression
}

const sandboxCall = (method: string, args: EsExpression[]): EsExpression => ({
  type: 'CallExpression',
  callee: { type: 'MemberExpression', object: { type: 'Identifier', name: SANDBOX }, property: { type: 'Identifier', name: method }, computed: false, optional: false },
  arguments: args,
  optional: false,
})

/** Puts the run-time half of the sandbox in reach of the compiled code: run.ts passes it in. */
function recmaSandbox() {
  return (tree: Program) => {
    tree.body.unshift(parseJs(`const ${SANDBOX} = arguments[0].${SANDBOX};`, { ecmaVersion: 'latest' }).body[0] as never)
  }
}

function inkwellRemark(options: CompileOptions, result: Omit<CompiledPost, 'code' | 'problems'>) {
  return (tree: Root, file: VFile) => {
    const fail = (message: string, place: { position?: { start: Place } } | undefined) => {
      const msg = file.message(message, { place: place?.position?.start, source: 'inkwell' })
      msg.fatal = true
    }
    const warn = (message: string, place: { position?: { start: Place } } | undefined) =>
      file.message(message, { place: place?.position?.start, source: 'inkwell' })
    const relFile = path.relative(file.cwd, options.file)
    const known = new Set(COMPONENT_NAMES)
    const assets = new Map<string, Asset>()

    const resolve = (src: string, node: RootContent): Asset | undefined => {
      const resolved = resolveImage(src, options)
      if (typeof resolved === 'string') fail(resolved, node)
      else if (resolved) {
        const seen = assets.get(resolved.file)
        if (seen) return seen
        assets.set(resolved.file, resolved)
      }
      return typeof resolved === 'string' ? undefined : resolved
    }

    // First pass: Markdown shorthands become components, so the second pass sees one form.
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return
      if (node.type === 'blockquote') {
        const converted = alertToAdmonition(node)
        if (converted === 'unknown') {
          const marker = toString(node).match(ALERT)?.[1] ?? ''
          const guess = closest(marker, [...ADMONITION_TYPES, ...Object.keys(ALERT_ALIASES)])
          fail(
            `unknown alert type [!${marker}] (${guess ? `did you mean [!${guess.toUpperCase()}]? ` : ''}use one of ${ADMONITION_TYPES.join(', ')})`,
            node,
          )
        } else if (converted) {
          parent.children[index] = converted as never
        }
      }
      if (node.type === 'paragraph') {
        const figure = titledImageToFigure(node)
        if (figure) parent.children[index] = figure as never
      }
    })

    const slug = createSlugger()
    let guarded = false
    let words = 0
    const countWords = (text: string) => {
      words += text.split(/\s+/).filter(Boolean).length
    }

    visit(tree, (node, _index, parent) => {
      switch (node.type) {
        case 'mdxjsEsm': {
          for (const statement of node.data?.estree?.body ?? []) {
            const place = { position: { start: { line: statement.loc?.start.line ?? node.position!.start.line, column: (statement.loc?.start.column ?? 0) + 1 } } }
            if (statement.type === 'ImportDeclaration') {
              fail('imports are not supported in posts (every Inkwell component is available without one: ' + COMPONENT_NAMES.join(', ') + ')', place)
            } else if (statement.type === 'ExportDefaultDeclaration') {
              fail('export default would replace the whole post with what it exports (remove it; the post is the text of the file)', place)
            } else if (!options.trustedCode) {
              fail(
                'export is not available in posts: it runs as code on the build machine (compute the value inside the {…} where it is used; a site that trusts every author with its build machine can set trustedCode: true in content/site.yaml)',
                place,
              )
            } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration?.type === 'VariableDeclaration') {
              for (const d of statement.declaration.declarations) if (d.id.type === 'Identifier') known.add(d.id.name)
            } else if (statement.type === 'ExportNamedDeclaration' && statement.declaration && 'id' in statement.declaration && statement.declaration.id) {
              known.add(statement.declaration.id.name)
            }
          }
          // What was refused is also taken out, so that a refused post, were it ever rendered, runs none of it.
          if (parent && _index !== undefined && (!options.trustedCode || node.data?.estree?.body.some((s) => s.type !== 'ExportNamedDeclaration'))) {
            parent.children.splice(_index, 1)
            return [SKIP, _index]
          }
          break
        }
        case 'heading': {
          const text = toString(node)
          const id = slug(text)
          node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
          result.ids.push(id)
          if (node.depth === 2 || node.depth === 3) result.headings.push({ depth: node.depth, text, id })
          countWords(text)
          return SKIP
        }
        case 'text':
        case 'inlineCode':
        case 'code':
          countWords(node.value)
          if (node.type === 'code' && node.lang && !(node.lang in bundledLanguages) && !['text', 'plaintext', 'txt', 'plain'].includes(node.lang)) {
            warn(`no syntax highlighting for language "${node.lang}" (use a language name shiki knows, or text)`, node)
          }
          break
        case 'paragraph':
          // The summary is the first paragraph of the post itself, not one inside a component.
          if (!result.firstParagraph && parent?.type === 'root') {
            const { text, skipped } = proseText(node)
            result.firstParagraph = text
            // Used as the summary unless the post gives one; the loader warns then.
            if (skipped) result.summaryGap = { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }
          }
          break
        case 'image': {
          if (refusedUrl('image', node.url, node)) break
          const asset = resolve(node.url, node)
          if (asset) {
            node.url = asset.url
            node.data = { ...node.data, hProperties: { width: asset.width, height: asset.height, loading: 'lazy', decoding: 'async' } }
          } else if (isRemote(node.url)) {
            fail(`remote image "${node.url}" has no known size, so the page would shift as it loads (use <Figure src="…" alt="…" width={…} height={…} />)`, node)
          }
          break
        }
        case 'link':
          refusedUrl('link', node.url, node)
          collectLink(node.url, node)
          break
        case 'definition':
          // `[r]: url` serves `[text][r]` links and `![alt][r]` images: checked as what uses it.
          refusedUrl(imageReferences().has(node.identifier) ? 'image' : 'link', node.url, node)
          break
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          guardExpression(node)
          break
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkElement(node)
          break
      }
    })

    result.words = words
    result.assets = [...assets.values()]
    // Nothing left that could fail: the stages after this one get an empty tree (see checkOnly).
    if (options.checkOnly && !guarded) tree.children = []

    // The HTML policy (html-policy.ts), unless site.yaml says trustedHtml: true.

    /** Fails a Markdown link or image whose URL could run script; true when it did. */
    function refusedUrl(kind: 'link' | 'image', url: string, node: RootContent): boolean {
      const message = options.trustedHtml ? undefined : markdownUrlProblem(kind, url)
      if (message) fail(message, node)
      return Boolean(message)
    }

    /** Identifiers that `![alt][r]` images use (definitions are rare: no need to keep the set). */
    function imageReferences(): Set<string> {
      const ids = new Set<string>()
      visit(tree, 'imageReference', (n) => void ids.add(n.identifier))
      return ids
    }

    /** Fails every element and attribute the policy refuses, at the attribute when it can; true when any. */
    function refusedHtml(node: JsxElement): boolean {
      if (options.trustedHtml || !node.name) return false
      const problems = checkHtmlElement(node.name, node.attributes.map(policyAttribute))
      for (const p of problems) fail(p.message, p.place ? { position: { start: p.place } } : node)
      return problems.length > 0
    }

    function collectLink(href: string, node: RootContent) {
      const start = node.position?.start
      if (start && (href.startsWith('/') || href.startsWith('#')) && !href.startsWith('//')) {
        result.links.push({ href, line: start.line, column: start.column })
      }
    }

    function where(node: { position?: { start: Place } }) {
      const start = node.position?.start
      return `${relFile}:${start?.line ?? 1}:${start?.column ?? 1}`
    }

    /** Guards one expression in place: sandboxed unless the site trusts its authors' code. */
    function protect(estree: Program | undefined | null, place: { position?: { start: Place } }, check: (e: EsExpression) => EsExpression): Program | undefined {
      if (!estree) return undefined
      if (options.trustedCode) return guard(estree, where(place))
      const statement = estree.body[0]
      if (statement?.type !== 'ExpressionStatement') return undefined
      const start = place.position?.start ?? { line: 1, column: 1 }
      const report = (p: SandboxProblem) => fail(p.message, { position: { start: p } })
      const text = where(place)
      const expression = statement.expression
      // `<Figure {...data} />`: the spread object is what the sandbox checks.
      const spread = expression.type === 'ObjectExpression' && expression.properties.length === 1 && expression.properties[0]!.type === 'SpreadElement' ? expression.properties[0] : undefined
      const wrapped = sandboxGuard(spread ? spread.argument : expression, { text, ...start }, check, report, Boolean(spread))
      if (!wrapped) return undefined
      const body = spread ? { ...expression, properties: [{ ...spread, argument: wrapped }] } : wrapped
      return { ...estree, body: [{ ...statement, expression: body }] }
    }

    function guardExpression(node: MdxFlowExpression | MdxTextExpression) {
      const wrapped = protect(node.data?.estree as Program | undefined, node, options.trustedHtml ? (e) => e : (e) => sandboxCall('value', [e]))
      if (wrapped) node.data = { ...node.data, estree: wrapped as never }
      guarded ||= Boolean(wrapped)
    }

    function checkElement(node: JsxElement) {
      // Before the expressions are guarded, so that a literal href={"…"} is still seen as one.
      const refused = refusedHtml(node)
      const tag = { type: 'Literal', value: node.name ?? '' } as EsExpression
      for (const attr of node.attributes) {
        if (attr.type === 'mdxJsxAttribute' && attr.value && typeof attr.value === 'object') {
          const name = { type: 'Literal', value: attr.name } as EsExpression
          const wrapped = protect(attr.value.data?.estree as Program | undefined, attr.position ? attr : node, options.trustedHtml ? (e) => e : (e) => sandboxCall('attr', [tag, name, e]))
          if (wrapped) attr.value.data = { ...attr.value.data, estree: wrapped as never }
          guarded ||= Boolean(wrapped)
        } else if (attr.type === 'mdxJsxExpressionAttribute' && !options.trustedCode) {
          const wrapped = protect(attr.data?.estree as Program | undefined, attr.position ? attr : node, options.trustedHtml ? (e) => e : (e) => sandboxCall('spread', [tag, e]))
          if (wrapped) attr.data = { ...attr.data, estree: wrapped as never }
          guarded ||= Boolean(wrapped)
        }
      }
      const name = node.name
      if (!name) return
      if (name === 'a' && literal(node, 'href')) collectLink(literal(node, 'href')!, node as RootContent)
      if ((name === 'img' || name === 'Figure') && !refused) resolveElementImage(node)
      if (name === 'Figure' && attribute(node, 'caption') && node.children.length) {
        fail('<Figure> has a caption prop and caption text inside (keep one of the two)', node)
      }
      if (!/^[A-Z]/.test(name) && !name.includes('.')) return
      if (!known.has(name)) {
        const guess = closest(name, [...known])
        fail(`unknown component <${name}> (${guess ? `did you mean <${guess}>? ` : ''}available: ${[...known].map((n) => `<${n}>`).join(', ')})`, node)
        return
      }
      const spec = COMPONENT_SPECS[name]
      if (!spec) return
      for (const prop of spec.required ?? []) {
        if (!attribute(node, prop) && !node.attributes.some((a) => a.type === 'mdxJsxExpressionAttribute')) {
          fail(`<${name}> needs ${/^[aeiou]/.test(prop) ? 'an' : 'a'} ${prop} prop (add ${prop}="…")`, node)
        }
      }
      for (const [prop, allowed] of Object.entries(spec.oneOf ?? {})) {
        const value = literal(node, prop)
        if (value !== undefined && !allowed.includes(value)) {
          const guess = closest(value, allowed)
          fail(`<${name}> ${prop}="${value}" is not one of ${allowed.join(', ')} (${guess ? `did you mean "${guess}"?` : 'pick one of them'})`, node)
        }
      }
    }

    function resolveElementImage(node: JsxElement) {
      const srcAttr = attribute(node, 'src')
      if (srcAttr && typeof srcAttr.value !== 'string') {
        fail(`<${node.name}> src must be plain text such as src="./chart.webp", so its size can be read at build time`, node)
        return
      }
      const src = typeof srcAttr?.value === 'string' ? srcAttr.value : undefined
      if (!srcAttr || !src) return
      const asset = resolve(src, node as RootContent)
      const width = attribute(node, 'width')
      const height = attribute(node, 'height')
      if (!asset) {
        if (isRemote(src) && (!width || !height)) {
          fail(`remote image "${src}" needs width and height, so the page does not shift as it loads (add width={…} height={…})`, node)
        }
        return
      }
      srcAttr.value = asset.url
      const given = width ? Number(typeof width.value === 'string' ? width.value : width.value?.value) : undefined
      const set = (name: string, value: number) => {
        const existing = attribute(node, name)
        if (existing) existing.value = String(value)
        else node.attributes.push({ type: 'mdxJsxAttribute', name, value: String(value) })
      }
      if (!width && !height) {
        set('width', asset.width)
        set('height', asset.height)
      } else if (given && Number.isFinite(given) && !height && asset.width) {
        set('height', Math.round((given * asset.height) / asset.width))
      }
    }
  }
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

/** The words a reader sees in a paragraph, and whether an expression had to be left out. */
function proseText(node: RootContent): { text: string; skipped: boolean } {
  const parts: string[] = []
  let skipped = false
  const walk = (n: RootContent) => {
    if (n.type === 'text' || n.type === 'inlineCode') parts.push(n.value)
    else if (n.type === 'break') parts.push(' ')
    else if (n.type === 'mdxTextExpression') skipped ||= Boolean(n.value.trim()) && !/^\/\*[\s\S]*\*\/$/.test(n.value.trim())
    else if (n.type === 'image' || n.type === 'footnoteReference') return
    else if ('children' in n) (n.children as RootContent[]).forEach(walk)
  }
  walk(node)
  return { text: parts.join('').replace(/\s+/g, ' ').trim(), skipped }
}

/** `> [!TIP] Optional title` becomes `<Admonition type="tip" title="…">`. */
function alertToAdmonition(node: Blockquote): MdxJsxFlowElement | 'unknown' | undefined {
  const first = node.children[0]
  const text = first?.type === 'paragraph' ? first.children[0] : undefined
  if (!first || first.type !== 'paragraph' || text?.type !== 'text') return undefined
  const match = ALERT.exec(text.value)
  if (!match) return undefined
  const marker = match[1]!.toLowerCase()
  const type = (ADMONITION_TYPES as readonly string[]).includes(marker) ? marker : ALERT_ALIASES[marker]
  if (!type) return 'unknown'
  text.value = text.value.slice(match[0].length)
  // The rest of the marker's line is the title, whatever inline formatting it has (as plain text).
  const title: string[] = []
  while (first.children.length) {
    const child = first.children[0]!
    if (child.type === 'break') {
      first.children.shift()
      break
    }
    if (child.type === 'text' && child.value.includes('\n')) {
      title.push(child.value.slice(0, child.value.indexOf('\n')))
      child.value = child.value.slice(child.value.indexOf('\n') + 1)
      break
    }
    title.push(toString(child))
    first.children.shift()
  }
  if (first.children[0]?.type === 'text' && !first.children[0].value) first.children.shift()
  const children = first.children.length ? node.children : node.children.slice(1)
  const heading = title.join('').trim()
  return jsx('Admonition', heading ? { type, title: heading } : { type }, children, node)
}

/** A paragraph holding only `![alt](src "Caption")` becomes `<Figure src alt caption />`. */
function titledImageToFigure(node: Paragraph): MdxJsxFlowElement | undefined {
  const content = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()))
  const image = content[0]
  if (content.length !== 1 || image?.type !== 'image' || !(image as Image).title) return undefined
  return jsx('Figure', { src: image.url, alt: image.alt ?? '', caption: image.title! }, [], node)
}

const HINTS: Record<string, string> = {
  'micromark-extension-mdx-jsx': 'if you meant a literal "<", write \\< ; otherwise check the tag',
  'micromark-extension-mdx-expression': 'fix the JavaScript between { and }, or write \\{ to show a literal brace',
  'micromark-extension-mdxjs-esm': 'fix the import or export statement',
  'mdast-util-mdx-jsx': 'close every tag, in the order the tags were opened',
}

const PRETTY_CODE = { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false, defaultLang: { block: 'plaintext' } }

/** Why compiling a post failed, as one problem: at the parser's position, else at 1:1. */
function compileFailure(error: unknown, file: string): Problem {
  const m = error as VFileMessage
  if (typeof m?.reason !== 'string') {
    // Not a message about the post's text (a bug, or a post no step was ready for): still one
    // problem at this file, so the check goes on with the other posts.
    const deep = error instanceof RangeError && /call stack/i.test(error.message)
    const message = deep
      ? 'this post is nested too deeply to compile (flatten its lists, quotes and elements)'
      : `this post cannot be compiled: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (look for anything unusual in it; if it seems fine, report it with the post)`
    return { severity: 'error', file, line: 1, column: 1, message }
  }
  const hint = HINTS[m.source ?? ''] ?? 'check the MDX syntax here'
  // Some errors (an unclosed tag) carry their position only inside the text: "(6:1-6:24)".
  const inText = / \((\d+):(\d+)-\d+:\d+\)$/.exec(m.reason)
  return {
    severity: 'error',
    file,
    line: m.line ?? Number(inText?.[1] ?? 1),
    column: m.column ?? Number(inText?.[2] ?? 1),
    message: `${plainReason(m).replace(inText?.[0] ?? '', '').replace(/\.$/, '')} (${hint})`,
  }
}

/** The compiler's reason in a writer's words: the parser it uses is no business of theirs. */
function plainReason(m: VFileMessage): string {
  const parser = /^Could not parse (expression|import\/exports) with acorn$/.exec(m.reason)
  if (!parser) return m.reason
  const detail = m.cause instanceof Error ? m.cause.message.replace(/ \(\d+:\d+\)$/, '') : ''
  const what = parser[1] === 'expression' ? 'this is not a JavaScript expression' : 'this import or export is not valid JavaScript'
  return detail ? `${what}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}` : what
}

/** Compiles one post body (frontmatter blanked, so positions are file positions). */
export async function compilePost(body: string, options: CompileOptions): Promise<CompiledPost> {
  const result: Omit<CompiledPost, 'code' | 'problems'> = {
    headings: [],
    ids: [],
    firstParagraph: '',
    words: 0,
    links: [],
    assets: [],
  }
  const file = new VFile({ path: options.file, value: body })
  const problems: Problem[] = []
  let code = ''
  const deep = deepMarkers(body)
  if (deep) return { ...result, code, problems: [{ severity: 'error', file: options.file, ...deep, message: tooDeep(MAX_DEPTH + 1) }] }
  try {
    const compiled = await compile(file, {
      outputFormat: 'function-body',
      remarkPlugins: [remarkDepthLimit, remarkGfm, [inkwellRemark, options, result] as never],
      recmaPlugins: options.trustedCode ? [] : [recmaSandbox],
      rehypePlugins: [
        ...(options.checkOnly ? [] : [[rehypePrettyCode, PRETTY_CODE] as [typeof rehypePrettyCode, typeof PRETTY_CODE]]),
        [
          rehypeAutolinkHeadings,
          {
            behavior: 'append',
            test: (el: { properties?: { id?: unknown } }) => el.properties?.id !== 'footnote-label',
            properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
            content: { type: 'text', value: '#' },
          },
        ],
      ],
    })
    code = String(compiled)
  } catch (error) {
    problems.push(compileFailure(error, options.file))
  }
  for (const m of file.messages) {
    problems.push({
      severity: m.fatal ? 'error' : 'warning',
      file: options.file,
      line: m.line ?? 1,
      column: m.column ?? 1,
      message: m.reason,
    })
  }
  return { ...result, code, problems }
}
