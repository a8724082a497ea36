import path from 'node:path'
import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml'
import type { z } from 'zod'
import { badCharacterMessage, NOT_TEXT } from '../xml-chars'
import { readContentFile } from './files'
import type { Problem } from './problems'
import { closest } from './suggest'

export interface Located {
  line: number
  column: number
}

/** A post split into its YAML block and its body, the body keeping the file's line numbers. */
export interface SplitSource {
  yaml: string
  /** Line of the file on which the YAML text starts (the line after the opening `---`). */
  yamlLine: number
  /** The source with every frontmatter line blanked, so MDX positions are file positions. */
  body: string
}

/** Splits `---` frontmatter from a post; undefined when the file does not start with it. */
export function splitFrontmatter(source: string): SplitSource | undefined {
  const lines = source.replace(/^\uFEFF/, '').split('\n')
  if (lines[0]?.trimEnd() !== '---') return undefined
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (end < 0) return undefined
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: '\n'.repeat(end + 1) + lines.slice(end + 1).join('\n'),
  }
}

const describe = (value: unknown): string =>
  value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(clip(value))}`

// A message quotes a value only as far as it helps find it: a 200 KB title is not repeated.
const clip = (value: unknown) => (typeof value === 'string' && value.length > 60 ? `${value.slice(0, 60)}…` : value)

const EXPECTED: Record<string, string> = {
  string: 'text (in quotes if it looks like a number or date)',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
}

interface ParseOptions<S extends z.ZodObject> {
  file: string
  yaml: string
  yamlLine: number
  schema: S
  /** What a key the schema does not know is: a warning (kept) or an error. */
  unknownKeys: 'warning' | 'error'
  /** The thing being described, for messages: "frontmatter" or "site config". */
  what: string
}

export interface ParsedYaml<S extends z.ZodObject> {
  data?: z.infer<S>
  /** Keys the schema does not know, with their values (kept, never dropped). */
  extra: Record<string, unknown>
  problems: Problem[]
  locate(path: readonly PropertyKey[]): Located
  /** The known fields as written, when they did not validate: next dev shows a broken post with the ones that do. */
  fields?: Record<string, unknown>
}

/** Parses a YAML mapping and validates it, reporting each problem at the line of its field. */
export function parseYaml<S extends z.ZodObject>(options: ParseOptions<S>): ParsedYaml<S> {
  const { file, schema, what } = options
  const yaml = readDocument(options.yaml, options.yamlLine)
  const problems: Problem[] = []
  const problem: Report = (where, message, severity = 'error') => problems.push({ severity, file, ...where, message })
  syntaxProblems(yaml, what, problem)
  const raw = problems.length ? undefined : mappingOf(yaml, what, problem)
  if (!raw) return { extra: {}, problems, locate: yaml.locate }
  characterProblems(raw, yaml, problem)
  const known = Object.keys(schema.shape)
  const { checked, extra } = splitFields(raw, known)
  for (const key of Object.keys(extra)) {
    const guess = closest(key, known)
    problem(yaml.locateKey(key), `unknown ${what} field "${key}" (${guess ? `did you mean "${guess}"?` : `known fields: ${known.join(', ')}`})`, options.unknownKeys)
  }
  const result = schema.safeParse(checked)
  if (result.success) return { data: result.data, extra, problems, locate: yaml.locate }
  for (const issue of result.error.issues) {
    const { where, message } = issueProblem(issue, checked, schema.shape as Record<string, z.ZodType>, yaml)
    problem(where, message)
  }
  return { extra, problems, locate: yaml.locate, fields: checked }
}

type Report = (where: Located, message: string, severity?: Problem['severity']) => void

/** A parsed YAML document, and where its parts are in the file. */
interface YamlDocument {
  doc: Document
  /** The YAML text. */
  text: string
  /** The file position of an offset into the text. */
  at(offset: number): Located
  /** Where the value at `path` is written, or the nearest enclosing one that is. */
  locate(path: readonly PropertyKey[]): Located
  /** Where a top-level key is written. */
  locateKey(key: string): Located
  /** The top of the block: the line before the text. */
  start: Located
}

function readDocument(text: string, yamlLine: number): YamlDocument {
  const lineCounter = new LineCounter()
  // The core schema keeps dates as text (see dates.ts) and `yes`/`no` as text, not booleans.
  const doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false })
  const at = (offset: number): Located => {
    const { line, col } = lineCounter.linePos(offset)
    return { line: line + yamlLine - 1, column: col }
  }
  const start = { line: Math.max(1, yamlLine - 1), column: 1 }
  const locate = (path: readonly PropertyKey[]): Located => {
    for (let n = path.length; n > 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined
      if (node?.range) return at(node.range[0])
    }
    return start
  }
  const locateKey = (key: string): Located => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined
    return pair && isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : start
  }
  return { doc, text, at, locate, locateKey, start }
}

/** The parser's errors, each at its place. */
function syntaxProblems({ doc, at, start }: YamlDocument, what: string, problem: Report): void {
  for (const error of doc.errors) {
    // The parser stops itself when brackets or lists nest thousands deep.
    const deep = /call stack/i.test(error.message)
    problem(
      error.pos ? at(error.pos[0]) : start,
      deep
        ? `${what} is nested too deeply to read (write it as plain "key: value" lines)`
        : `${what} is not valid YAML: ${error.message.split('\n')[0]} (check indentation, quotes and colons on this line)`,
    )
    if (deep) break
  }
}

/** The document as a plain object of fields; undefined, with the problem, when it is not one. */
function mappingOf({ doc, start }: YamlDocument, what: string, problem: Report): Record<string, unknown> | undefined {
  let raw: unknown
  try {
    raw = doc.toJS() ?? {}
  } catch (error) {
    // `yaml` refuses to expand more than 100 aliases: a "billion laughs" would fill the memory.
    const aliases = /alias/i.test(String(error))
    problem(start, aliases ? `${what} uses too many YAML aliases (write the values out instead of repeating them with & and *)` : `${what} cannot be read: ${String(error)} (simplify it)`)
    return undefined
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return raw as Record<string, unknown>
  problem(start, `${what} must be a list of "key: value" lines, not ${describe(raw)} (see the README for the fields)`)
  return undefined
}

/** Each character that feeds cannot carry, where it was typed (or, written as an escape such as "\a", at its value). */
function characterProblems(raw: Record<string, unknown>, { doc, text, at, locate }: YamlDocument, problem: Report): void {
  for (const bad of badCharacters(raw)) {
    const node = doc.getIn(bad.path as unknown[], true) as Node | undefined
    const [from = 0, to = from] = node?.range ?? []
    const typed = text.slice(from, to).indexOf(bad.char)
    problem(node?.range ? at(typed >= 0 ? from + typed : from) : locate(bad.path), badCharacterMessage(bad.char, `in the ${String(bad.path[0])}`))
  }
}

/** The fields the schema knows, to check, and the others, kept as written. */
function splitFields(raw: Record<string, unknown>, known: string[]): { checked: Record<string, unknown>; extra: Record<string, unknown> } {
  const checked: Record<string, unknown> = {}
  const extra: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) (known.includes(key) ? checked : extra)[key] = value
  return { checked, extra }
}

/** What one schema issue means for the author, and where: the field, or the item of a list. */
function issueProblem(reported: z.core.$ZodIssue, checked: Record<string, unknown>, shape: Record<string, z.ZodType>, yaml: YamlDocument): { where: Located; message: string } {
  // A list-or-name field whose list has a bad item: report the item, at its own column.
  // Union branches are [a name, a list of names]: the one the author chose explains it.
  const given = checked[String(reported.path[0])]
  const branch = reported.code === 'invalid_union' ? reported.errors[typeof given === 'string' ? 0 : Array.isArray(given) ? 1 : -1] : undefined
  const inner = branch?.find((i) => i.path.length > 0) ?? branch?.[0]
  const issue = inner ? { ...inner, path: [...reported.path, ...inner.path] } : reported
  const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as string], checked)
  const name = issue.path.map(String).join('.')
  if (issue.code === 'too_big' && (typeof value === 'string' || Array.isArray(value))) {
    const size = typeof value === 'string' ? `is ${value.length} characters long` : `has ${value.length} entries`
    const fix = typeof value === 'string' ? 'shorten it' : 'keep the ones that matter'
    return { where: yaml.locate(issue.path), message: `${name} ${size} (at most ${String(issue.maximum)}: ${fix})` }
  }
  const example = (shape[String(issue.path[0] ?? '')]?.meta() as { example?: string } | undefined)?.example
  const where = value === undefined ? (issue.path.length > 1 ? yaml.locate(issue.path) : yaml.start) : yaml.locate(issue.path)
  return { where, message: `${issueSentence(issue, name, value)} (${example ? `write ${example}` : 'see the README for this field'})` }
}

/** What is wrong with the value of `name`, in a sentence. */
function issueSentence(issue: z.core.$ZodIssue, name: string, value: unknown): string {
  if (issue.code === 'invalid_type' && value === undefined) return `${name} is missing`
  if (issue.code === 'invalid_type') return `${name} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(value)}`
  if (issue.code === 'too_small' && typeof value === 'string') return `${name} is empty`
  if (issue.code === 'invalid_format' || issue.code === 'invalid_value') return `${name} ${describe(value)} is not in the expected form`
  if (issue.code === 'invalid_union') return `${name} should be a name or a list of names, not ${describe(value)}`
  return `${name} ${describe(value)} is invalid: ${issue.message}`
}

/** Every string in a parsed YAML value holding a character feeds cannot carry, one entry per character, with its path. */
function badCharacters(value: unknown): { path: PropertyKey[]; char: string }[] {
  const found: { path: PropertyKey[]; char: string }[] = []
  const stack: [unknown, PropertyKey[]][] = [[value, []]]
  while (stack.length) {
    const [v, path] = stack.pop()!
    if (typeof v === 'string') for (const m of v.matchAll(NOT_TEXT)) found.push({ path, char: m[0] })
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v).reverse()) stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]])
  }
  return found
}

/** Reads and validates a YAML file of the content folder `root` (one a symbolic link leads outside it is refused). */
export function readYamlFile<S extends z.ZodObject>(file: string, schema: S, what: string, root = path.dirname(file)): ParsedYaml<S> {
  const problems: Problem[] = []
  const yaml = readContentFile(file, root, problems)
  if (yaml === undefined) return { extra: {}, problems, locate: () => ({ line: 1, column: 1 }) }
  return parseYaml({ file, yaml, yamlLine: 1, schema, unknownKeys: 'error', what })
}
