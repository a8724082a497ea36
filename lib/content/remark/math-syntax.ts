import type {} from 'micromark-extension-math'
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types'
import remarkMath from 'remark-math'
import type { Processor } from 'unified'

// remark-math reads `$…$` the way Markdown reads `code`: any two dollar signs in a paragraph make a
// formula, so a post written before math existed, "between $5 and $10", would lose its prices to
// a formula "5 and ". A single dollar sign here follows Pandoc's rule instead: a formula opens
// only before a non-space, and runs to the next single $, which must follow a non-space and not
// come before a digit (else there is no formula, and the first $ is a dollar sign). "$5 and $10",
// "$20,000", "$5-$10" stay text; "$x$", "$a + b$" and "$x$." are formulas; `\$` is always a
// dollar sign (outside a formula Markdown's escape, inside one TeX's). `$$…$$` (inline or as a block) is read as remark-math reads it.

const DOLLAR = 36
const BACKSLASH = 92
const SPACE = 32
const TAB = -2
const VIRTUAL_SPACE = -1
// micromark's line endings are the codes below the tab (-3 CR LF, -4 LF, -5 CR).
const isLineEnding = (code: Code) => code !== null && code < TAB
const isWhitespace = (code: Code) => code === null || code === SPACE || code === TAB || code === VIRTUAL_SPACE || isLineEnding(code)
const isDigit = (code: Code) => code !== null && code >= 48 && code <= 57

/** remark-math, with single-dollar formulas read by Pandoc's rule (see above). */
export function remarkMathSyntax(this: Processor) {
  remarkMath.call(this as never)
  const extensions = (this.data('micromarkExtensions') ?? []) as Extension[]
  const math = extensions[extensions.length - 1]!
  const text = math.text![DOLLAR] as Construct
  math.text = { ...math.text, [DOLLAR]: { ...text, tokenize: tokenizeMathText } }
}

/** What one attempt at a formula tracks while it reads. */
interface Scan {
  effects: Effects
  ok: State
  nok: State
  sizeOpen: number
  size: number
  token?: Token
  /** Whether the last character inside the formula was whitespace: a single $ after one does not close. */
  afterSpace: boolean
}

type Step = (scan: Scan, code: Code) => State | undefined

/** A state of the tokenizer that goes on with `step`. */
const to =
  (step: Step, scan: Scan): State =>
  (code) =>
    step(scan, code)

/** micromark-extension-math's text tokenizer, with the single-dollar rule added where it opens and closes. */
function tokenizeMathText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const scan: Scan = { effects, ok, nok, sizeOpen: 0, size: 0, afterSpace: false }
  return (code) => {
    effects.enter('mathText')
    effects.enter('mathTextSequence')
    return sequenceOpen(scan, code)
  }
}

const sequenceOpen: Step = (scan, code) => {
  if (code === DOLLAR) {
    scan.effects.consume(code)
    scan.sizeOpen++
    return to(sequenceOpen, scan)
  }
  if (scan.sizeOpen === 1 && isWhitespace(code)) return scan.nok(code)
  scan.effects.exit('mathTextSequence')
  return between(scan, code)
}

const between: Step = (scan, code) => {
  const { effects } = scan
  if (code === null) return scan.nok(code)
  if (code === DOLLAR) {
    scan.token = effects.enter('mathTextSequence')
    scan.size = 0
    return sequenceClose(scan, code)
  }
  if (code === SPACE || isLineEnding(code)) {
    const type = code === SPACE ? 'space' : 'lineEnding'
    effects.enter(type)
    effects.consume(code)
    effects.exit(type)
    scan.afterSpace = true
    return to(between, scan)
  }
  effects.enter('mathTextData')
  return data(scan, code)
}

const data: Step = (scan, code) => {
  if (code === null || code === SPACE || code === DOLLAR || isLineEnding(code)) {
    scan.effects.exit('mathTextData')
    return between(scan, code)
  }
  scan.effects.consume(code)
  scan.afterSpace = code === TAB || code === VIRTUAL_SPACE
  return to(code === BACKSLASH ? escaped : data, scan)
}

// In TeX, \$ is a dollar sign inside the formula: it does not end it.
const escaped: Step = (scan, code) => {
  if (code === null || isLineEnding(code) || code === SPACE) return data(scan, code)
  scan.effects.consume(code)
  return to(data, scan)
}

const sequenceClose: Step = (scan, code) => {
  if (code === DOLLAR) {
    scan.effects.consume(code)
    scan.size++
    return to(sequenceClose, scan)
  }
  if (scan.size === scan.sizeOpen) {
    // As in Pandoc, a formula ends at the first single $; after a space or before a digit it
    // ends none, and the opening $ is a dollar sign.
    if (scan.sizeOpen === 1 && (scan.afterSpace || isDigit(code))) return scan.nok(code)
    scan.effects.exit('mathTextSequence')
    scan.effects.exit('mathText')
    return scan.ok(code)
  }
  // More or fewer dollar signs than opened: part of the formula.
  scan.token!.type = 'mathTextData'
  scan.afterSpace = false
  return data(scan, code)
}
