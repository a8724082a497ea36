import { compile, nodeTypes, type CompileOptions as MdxOptions } from '@mdx-js/mdx'
import type { Element, Root as HastRoot } from 'hast'
import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeRaw from 'rehype-raw'
import remarkGfm from 'remark-gfm'
import type { PluggableList } from 'unified'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { deepMarkers, MAX_DEPTH, remarkDepthLimit, tooDeep } from './depth'
import { formatOf, type PostFormat } from './format'
import type { Asset, ImageOptions } from './images'
import type { Problem } from './problems'
import { blankConstruct, statementStart, unclosedBrace } from './recover'
import { createContext, type InkwellPlugin } from './remark/context'
import { recmaSandbox } from './remark/guard'
import { remarkCheckOnly } from './remark/remark-check-only'
import { remarkCodeLanguages } from './remark/remark-code-languages'
import { remarkComponents } from './remark/remark-components'
import { remarkEmbeds } from './remark/remark-embeds'
import { remarkExpressions } from './remark/remark-expressions'
import { remarkHeadings } from './remark/remark-headings'
import { remarkHtmlPolicy } from './remark/remark-html-policy'
import { remarkImages } from './remark/remark-images'
import { remarkLinks } from './remark/remark-links'
import { remarkMath } from './remark/remark-math'
import { remarkMathSyntax } from './remark/math-syntax'
import { remarkShorthands } from './remark/remark-shorthands'
import { remarkTextStats } from './remark/remark-text-stats'
import { rawHtmlSteps } from './remark/rehype-raw-html'

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
  /** Set when `code` was left in the compile cache, under this key (compileCached's `codeOnDisk`). */
  codeKey?: string
  headings: TocHeading[]
  /** Every heading id, for checking `#anchor` links. */
  ids: string[]
  firstParagraph: string
  /** Where the first paragraph has an expression that a plain-text summary cannot show. */
  summaryGap?: { line: number; column: number }
  words: number
  links: InternalLink[]
  assets: Asset[]
  /** True when the post has a formula: its page loads the math stylesheet. */
  math: boolean
  /** The origin each embed (<YouTube>, <Embed>, …) frames once clicked, where it is written. */
  frames: FrameUse[]
  problems: Problem[]
}

/** An embed's player origin and the place of its element. */
export interface FrameUse {
  origin: string
  line: number
  column: number
}

export interface CompileOptions extends ImageOptions {
  /** Absolute path of the .mdx or .md file, for messages; its extension decides the format (format.ts). */
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

/**
 * Our remark plugins (remark/), in the order they must run. Alerts and titled images become
 * components first (remark-shorthands), so the rest see one form; formulas are rendered before
 * code languages are read (a ```math block is a formula). The HTML policy reads
 * attributes before remark-expressions wraps them, and marks what it refused for remark-images.
 * Messages at one place keep the order policy, expressions, images, components, embeds.
 * remark-check-only empties the tree last.
 */
const INKWELL_PLUGINS: InkwellPlugin[] = [
  remarkShorthands,
  remarkHeadings,
  remarkTextStats,
  remarkMath,
  remarkCodeLanguages,
  remarkHtmlPolicy,
  remarkExpressions,
  remarkLinks,
  remarkImages,
  remarkComponents,
  remarkEmbeds,
  remarkCheckOnly,
]

const HINTS: Record<string, string> = {
  'micromark-extension-mdx-jsx': 'if you meant a literal "<", write \\< ; otherwise check the tag',
  'micromark-extension-mdx-expression': 'fix the JavaScript between { and }, or write \\{ to show a literal brace',
  'micromark-extension-mdxjs-esm': 'fix the import or export statement',
  'mdast-util-mdx-jsx': 'close every tag, in the order the tags were opened',
}

const PRETTY_CODE = { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false, defaultLang: { block: 'plaintext' } }

const UNCLOSED_BRACE = 'this { starts an expression that is never closed (write \\{ to show a brace, or end the expression with })'

/** Why compiling a post failed, as one problem: at the parser's position, else at 1:1. */
function compileFailure(error: unknown, file: string, body: string): Problem {
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
  // The parser notices a missing } only where the paragraph ends: the author needs the {.
  const brace = unclosedBrace(body, m)
  if (brace) return { severity: 'error', file, ...brace, message: UNCLOSED_BRACE }
  const hint = HINTS[m.source ?? ''] ?? 'check the MDX syntax here'
  // Some errors (an unclosed tag) carry their position only inside the text: "(6:1-6:24)".
  const inText = / \((\d+):(\d+)-\d+:\d+\)/.exec(m.reason)
  const at = statementStart(body, m) ?? { line: m.line ?? Number(inText?.[1] ?? 1), column: m.column ?? Number(inText?.[2] ?? 1) }
  return {
    severity: 'error',
    file,
    ...at,
    message: `${plainReason(m).replace(inText?.[0] ?? '', '').replace(/\.$/, '')} (${hint})`,
  }
}

/** The compiler's reason in a writer's words: the parser it uses is no business of theirs. */
function plainReason(m: VFileMessage): string {
  const notName = /^Unexpected character `(.+?)` \(U\+[\dA-F]+\) before name/.exec(m.reason)
  if (notName) return `"<" followed by "${notName[1]}" is not the start of a tag`
  const parser = /^Could not parse (expression|import\/exports) with acorn$/.exec(m.reason)
  if (!parser) return m.reason
  const detail = m.cause instanceof Error ? m.cause.message.replace(/ \(\d+:\d+\)$/, '') : ''
  const what = parser[1] === 'expression' ? 'this is not a JavaScript expression' : 'this import or export is not valid JavaScript'
  return detail ? `${what}: ${detail.charAt(0).toLowerCase()}${detail.slice(1)}` : what
}

const HIGHLIGHT: PluggableList[number] = [rehypePrettyCode, PRETTY_CODE]

const AUTOLINK_HEADINGS = {
  behavior: 'append' as const,
  test: (el: { properties?: { id?: unknown } }) => el.properties?.id !== 'footnote-label',
  properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
  content: { type: 'text' as const, value: '#' },
}

/** At most this many parse errors are reported in one post: past them, the check goes on (see recover.ts). */
const MAX_PARSE_ERRORS = 10

/** What both formats parse beside CommonMark: GitHub's additions (tables, footnotes, …) and math. */
const SYNTAX: PluggableList = [remarkGfm, remarkMathSyntax]

// rehype-raw (hast-util-raw 9.2 on parse5 8) builds the tree anew and loses two things of a code
// block: its `data.meta` (```ts title="…" {2}), and the first newline of its text, which it drops
// as an HTML parser does right after `<pre>` though `<code>` comes between (a block that starts with
// a blank line would lose it: CommonMark examples 127, 129). The meta rides through as a property,
// and one more newline makes up for the one dropped.
const META = 'dataInkwellMeta'

/** The `<code>` of a Markdown code block (`<pre><code>`), if `el` is its `<pre>`. */
const blockCode = (el: Element) => {
  const code = el.tagName === 'pre' && el.children.length === 1 ? el.children[0] : undefined
  return code?.type === 'element' && code.tagName === 'code' ? code : undefined
}

const beforeRaw = () => (tree: HastRoot) => {
  visit(tree, 'element', (el) => {
    const code = blockCode(el)
    const text = code?.children[0]
    if (text?.type === 'text' && text.value.startsWith('\n')) text.value = `\n${text.value}`
    if (typeof code?.data?.meta === 'string') code.properties[META] = code.data.meta
  })
}

const afterRaw = () => (tree: HastRoot) => {
  visit(tree, 'element', (el) => {
    const code = blockCode(el)
    const meta = code?.properties[META]
    if (!code || typeof meta !== 'string') return
    delete code.properties[META]
    Object.assign(code, { data: { ...code.data, meta } })
  })
}

/** A `.md` post's raw HTML, parsed into elements; MDX's own nodes (our components) pass through. */
const RAW_HTML: PluggableList = [beforeRaw, [rehypeRaw, { passThrough: [...nodeTypes] }], afterRaw]

/** The steps a compile adds to the parse; for `.md`, `beforeRaw` and `afterRaw` bracket the raw HTML. */
export interface CompileSteps {
  remark?: PluggableList
  beforeRaw?: PluggableList
  afterRaw?: PluggableList
  rehype?: PluggableList
  recma?: PluggableList
}

/**
 * The compiler's settings for one format: `.mdx` is MDX (remark-mdx), `.md` CommonMark + GFM, where
 * `{`, `}` and `<` are text and raw HTML is kept. Posts and the CommonMark conformance test
 * (markdown.ts) both compile through this, so the test reads Markdown exactly as posts do.
 */
export function compileSettings(format: PostFormat, steps: CompileSteps = {}): MdxOptions {
  const raw = format === 'md' ? [...(steps.beforeRaw ?? []), ...RAW_HTML, ...(steps.afterRaw ?? [])] : []
  return {
    format,
    outputFormat: 'function-body',
    remarkPlugins: [...SYNTAX, ...(steps.remark ?? [])],
    rehypePlugins: [...raw, ...(steps.rehype ?? [])],
    recmaPlugins: steps.recma ?? [],
  }
}

/** Compiles one post body (frontmatter blanked, so positions are file positions). */
export async function compilePost(body: string, options: CompileOptions, parseErrors = 0): Promise<CompiledPost> {
  const file = new VFile({ path: options.file, value: body })
  const ctx = createContext(file, options)
  const problems: Problem[] = []
  let code = ''
  const deep = deepMarkers(body)
  if (deep) return { ...ctx.facts, code, problems: [{ severity: 'error', file: options.file, ...deep, message: tooDeep(MAX_DEPTH + 1) }] }
  const raw = rawHtmlSteps(ctx)
  try {
    const compiled = await compile(
      file,
      compileSettings(formatOf(options.file), {
        remark: [remarkDepthLimit, ...INKWELL_PLUGINS.map((plugin): PluggableList[number] => [plugin, ctx])],
        beforeRaw: [raw.before],
        afterRaw: [raw.after],
        rehype: [...(options.checkOnly ? [] : [HIGHLIGHT]), [rehypeAutolinkHeadings, AUTOLINK_HEADINGS]],
        recma: options.trustedCode ? [] : [recmaSandbox],
      }),
    )
    code = String(compiled)
  } catch (error) {
    problems.push(compileFailure(error, options.file, body))
    problems.push(...(await problemsPast(error, body, options, parseErrors + 1)))
  }
  for (const m of file.messages) {
    problems.push({ severity: m.fatal ? 'error' : 'warning', file: options.file, line: m.line ?? 1, column: m.column ?? 1, message: m.reason })
  }
  return { ...ctx.facts, code, problems }
}

/** What else is wrong with a post after a parse error: it compiled again with the construct at fault blanked. */
async function problemsPast(error: unknown, body: string, options: CompileOptions, parseErrors: number): Promise<Problem[]> {
  const message = error as VFileMessage
  const blanked = parseErrors < MAX_PARSE_ERRORS && typeof message?.reason === 'string' ? blankConstruct(body, message) : undefined
  return blanked ? (await compilePost(blanked, { ...options, checkOnly: true }, parseErrors)).problems : []
}
