import type { Root } from 'mdast'
import { visit, type BuildVisitor } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { CompiledPost, CompileOptions } from '../mdx'

// Our remark plugins each do one job (one file each, composed in order in mdx.ts) and share one
// context per compile: the options, where to report, and what they learn about the post.

/** A position in the post, line and column from 1. */
export type Place = { line: number; column: number }

/** Where a message points: a node, or a bare position wrapped like one. */
export type Placed = { position?: { start: Place } }

/** What the plugins learn about a post; handed back with its code. */
export type PostFacts = Omit<CompiledPost, 'code' | 'problems'>

/** What the remark plugins of one compile share. */
export interface RemarkContext {
  options: CompileOptions
  facts: PostFacts
  /** Reports a mistake in the post, at `place` (none: the top of the file): the compile fails. */
  fail(message: string, place: Placed | undefined): void
  /** Reports something worth fixing that does not stop the post. */
  warn(message: string, place: Placed | undefined): void
  /** Elements and Markdown images the HTML policy refused: no image is resolved for them. */
  refused: WeakSet<object>
  /** Set once an expression is guarded: the post has code that can throw as it renders. */
  guarded: boolean
}

/** The context for compiling `file`, whose messages collect what the plugins report. */
export function createContext(file: VFile, options: CompileOptions): RemarkContext {
  const facts: PostFacts = { headings: [], ids: [], firstParagraph: '', words: 0, links: [], assets: [], math: false, frames: [] }
  const warn = (message: string, place: Placed | undefined) => file.message(message, { place: place?.position?.start, source: 'inkwell' })
  const fail = (message: string, place: Placed | undefined) => void (warn(message, place).fatal = true)
  return { options, facts, fail, warn, refused: new WeakSet(), guarded: false }
}

/** One of our remark plugins: given the compile's context, it transforms or checks the tree. */
export type InkwellPlugin = (ctx: RemarkContext) => (tree: Root, file: VFile) => void

/**
 * Visits every node of the post, the content of headings included: an expression, element, link
 * or image in a heading is checked like any other (only word counting treats headings whole).
 */
export function visitPost(tree: Root, visitor: BuildVisitor<Root>): void {
  visit(tree, visitor)
}
