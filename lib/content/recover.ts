import type { VFileMessage } from 'vfile-message'

// The MDX parser stops at its first error, so a post with a stray { and an unknown component
// further down would be reported one problem per run. After a parse error, the construct at
// fault is blanked (each of its characters but line breaks becomes a space, so every position
// stays where it is) and the post is compiled again for what else is wrong. The construct is
// found from the parser's position: an expression's braces, a tag's angle brackets, an import
// statement's lines. When there is no telling where it starts, nothing is blanked: what follows
// an error the parser could not place is unknowable, and the check says only what it knows.

interface Span {
  from: number
  to: number
  /** What goes in its place: spaces, unless it must still read as something (an attribute's value). */
  with?: string
}

/** The post text with the construct that `error` is about blanked out; undefined when it cannot be placed. */
export function blankConstruct(body: string, error: VFileMessage): string | undefined {
  const span = constructAt(body, error)
  if (!span || span.to <= span.from) return undefined
  const blanked = body.slice(0, span.from) + (span.with ?? body.slice(span.from, span.to).replace(/[^\n]/g, ' ')) + body.slice(span.to)
  return blanked === body ? undefined : blanked
}

/** Where the `{` is that an "unexpected end of file in expression" error never found the end of. */
export function unclosedBrace(body: string, error: VFileMessage): { line: number; column: number } | undefined {
  if (error.source !== 'micromark-extension-mdx-expression' || error.ruleId !== 'unexpected-eof') return undefined
  const at = offsetOf(body, error)
  const open = at === undefined ? -1 : openingBrace(body, at)
  return open < 0 ? undefined : positionOf(body, open)
}

/** Where the import or export statement starts that the parser stopped in (it says where it stopped: often the next paragraph). */
export function statementStart(body: string, error: VFileMessage): { line: number; column: number } | undefined {
  if (error.source !== 'micromark-extension-mdxjs-esm') return undefined
  const at = offsetOf(body, error)
  const block = at === undefined ? undefined : esmBlock(body, at)
  return block ? positionOf(body, block.from) : undefined
}

function constructAt(body: string, error: VFileMessage): Span | undefined {
  const at = offsetOf(body, error)
  switch (error.source) {
    case 'micromark-extension-mdx-expression': {
      if (at === undefined) return undefined
      const open = openingBrace(body, at)
      if (open < 0) return undefined
      // An expression that never ends: only its brace goes, and the rest is read as text.
      if (error.ruleId === 'unexpected-eof') return { from: open, to: open + 1 }
      const close = closingBrace(body, open)
      if (close < 0) return { from: open, to: open + 1 }
      // An attribute's value (`width={1 +}`) becomes a string of as many characters, so that the
      // tag still reads as one, with the attribute the author wrote.
      const attribute = /=\s*$/.test(body.slice(Math.max(0, open - 20), open))
      const inside = body.slice(open + 1, close).replace(/[^\n]/g, ' ')
      return { from: open, to: close + 1, with: attribute ? `"${inside}"` : undefined }
    }
    case 'micromark-extension-mdx-jsx': {
      // A tag that does not parse: its `<` goes, and the rest is read as text.
      const open = at === undefined ? -1 : body.lastIndexOf('<', at)
      return open < 0 ? undefined : { from: open, to: open + 1 }
    }
    case 'micromark-extension-mdxjs-esm':
      return at === undefined ? undefined : esmBlock(body, at)
    case 'mdast-util-mdx-jsx':
      return tagAt(body, error)
    default:
      return undefined
  }
}

/** The offset the parser points at, from its place or from the "(3:1-3:24)" some messages end with. */
function offsetOf(body: string, error: VFileMessage): number | undefined {
  const place = error.place
  const point = place && 'start' in place ? place.start : place
  if (point?.offset !== undefined) return Math.min(point.offset, body.length)
  if (point) return offsetAt(body, point.line, point.column)
  const inText = inTextRange(error)
  return inText ? offsetAt(body, inText.line, inText.column) : undefined
}

function inTextRange(error: VFileMessage) {
  const m = / \((\d+):(\d+)-(\d+):(\d+)\)/.exec(error.reason)
  return m ? { line: Number(m[1]), column: Number(m[2]), endLine: Number(m[3]), endColumn: Number(m[4]) } : undefined
}

/** The unmatched `{` before `at` (where the parser stopped: a `}` there is the one it could not use), counting the braces in between; -1 when there is none. */
function openingBrace(body: string, at: number): number {
  let depth = 0
  for (let i = Math.min(at, body.length) - 1; i >= 0; i--) {
    if (body[i] === '}' && !escaped(body, i)) depth++
    else if (body[i] === '{' && !escaped(body, i) && depth-- === 0) return i
  }
  return -1
}

/** The `}` that closes the `{` at `open`; -1 when there is none. */
function closingBrace(body: string, open: number): number {
  let depth = 0
  for (let i = open; i < body.length; i++) {
    if (body[i] === '{') depth++
    else if (body[i] === '}' && --depth === 0) return i
  }
  return -1
}

const escaped = (body: string, i: number) => i > 0 && body[i - 1] === '\\'

/** The import or export statement around `at`: from its first line to the blank line after it. */
function esmBlock(body: string, at: number): Span | undefined {
  const starts = [...body.slice(0, at + 1).matchAll(/^(?:import|export)\b/gm)]
  const from = starts.at(-1)?.index
  if (from === undefined) return undefined
  const end = body.slice(from).search(/\n[ \t]*\n/)
  return { from, to: end < 0 ? body.length : from + end }
}

/** The whole tag that a tag-matching error is about, `<` to `>`. */
function tagAt(body: string, error: VFileMessage): Span | undefined {
  // "Expected a closing tag for `<X>` (3:1-3:24)" names the opening tag's range in its text.
  const range = inTextRange(error)
  if (range && /^Expected a closing tag/.test(error.reason)) {
    const from = offsetAt(body, range.line, range.column)
    const to = offsetAt(body, range.endLine, range.endColumn)
    return from === undefined || to === undefined ? undefined : { from, to }
  }
  const at = offsetOf(body, error)
  if (at === undefined) return undefined
  const from = body.lastIndexOf('<', at)
  const to = body.indexOf('>', at)
  return from < 0 || to < 0 ? undefined : { from, to: to + 1 }
}

/** The offset of a line and column (from 1); undefined when the line is not there. */
function offsetAt(body: string, line: number, column: number): number | undefined {
  let offset = 0
  for (let n = 1; n < line; n++) {
    offset = body.indexOf('\n', offset) + 1
    if (offset === 0) return undefined
  }
  return Math.min(offset + column - 1, body.length)
}

function positionOf(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}
