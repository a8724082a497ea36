import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml'
import type { z } from 'zod'
import { badCharacterMessage, NOT_TEXT } from '../xml-chars'
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
}

/** Parses a YAML mapping and validates it, reporting each problem at the line of its field. */
export function parseYaml<S extends z.ZodObject>(options: ParseOptions<S>): ParsedYaml<S> {
  const { file, yaml, yamlLine, schema, what } = options
  const lineCounter = new LineCounter()
  // The core schema keeps dates as text (see dates.ts) and `yes`/`no` as text, not booleans.
  const doc = parseDocument(yaml, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false })
  const problems: Problem[] = []
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
    if (isMap(doc.contents)) {
      const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
      if (pair && isScalar(pair.key) && pair.key.range) return at(pair.key.range[0])
    }
    return start
  }
  const problem = (where: Located, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, file, ...where, message })

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
  if (problems.length) return { extra: {}, problems, locate }

  let raw: unknown
  try {
    raw = doc.toJS() ?? {}
  } catch (error) {
    // `yaml` refuses to expand more than 100 aliases: a "billion laughs" would fill the memory.
    const aliases = /alias/i.test(String(error))
    problem(start, aliases ? `${what} uses too many YAML aliases (write the values out instead of repeating them with & and *)` : `${what} cannot be read: ${String(error)} (simplify it)`)
    return { extra: {}, problems, locate }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problem(start, `${what} must be a list of "key: value" lines, not ${describe(raw)} (see the README for the fields)`)
    return { extra: {}, problems, locate }
  }

  for (const bad of badCharacters(raw)) {
    const node = doc.getIn(bad.path as unknown[], true) as Node | undefined
    const [from = 0, to = from] = node?.range ?? []
    // Typed into the file: its own column. Written as an escape such as "\a": the value's.
    const typed = yaml.slice(from, to).indexOf(bad.char)
    problem(node?.range ? at(typed >= 0 ? from + typed : from) : locate(bad.path), badCharacterMessage(bad.char, `in the ${String(bad.path[0])}`))
  }

  const known = Object.keys(schema.shape)
  const extra: Record<string, unknown> = {}
  const checked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (known.includes(key)) {
      checked[key] = value
      continue
    }
    extra[key] = value
    const guess = closest(key, known)
    problem(
      locateKey(key),
      `unknown ${what} field "${key}" (${guess ? `did you mean "${guess}"?` : `known fields: ${known.join(', ')}`})`,
      options.unknownKeys,
    )
  }

  const result = schema.safeParse(checked)
  if (!result.success) {
    for (const reported of result.error.issues) {
      // A list-or-name field whose list has a bad item: report the item, at its own column.
      // Union branches are [a name, a list of names]: the one the author chose explains it.
      const given = checked[String(reported.path[0])]
      const branch = reported.code === 'invalid_union' ? reported.errors[typeof given === 'string' ? 0 : Array.isArray(given) ? 1 : -1] : undefined
      const inner = branch?.find((i) => i.path.length > 0) ?? branch?.[0]
      const issue = inner ? { ...inner, path: [...reported.path, ...inner.path] } : reported
      const field = String(issue.path[0] ?? '')
      const shape = schema.shape as Record<string, z.ZodType>
      const example = (shape[field]?.meta() as { example?: string } | undefined)?.example
      const value = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k as string], checked)
      const name = issue.path.map(String).join('.')
      let sentence: string
      if (issue.code === 'invalid_type' && value === undefined) sentence = `${name} is missing`
      else if (issue.code === 'invalid_type') sentence = `${name} should be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(value)}`
      else if (issue.code === 'too_small' && typeof value === 'string') sentence = `${name} is empty`
      else if (issue.code === 'too_big' && (typeof value === 'string' || Array.isArray(value))) {
        const size = typeof value === 'string' ? `is ${value.length} characters long` : `has ${value.length} entries`
        const fix = typeof value === 'string' ? 'shorten it' : 'keep the ones that matter'
        problem(locate(issue.path), `${name} ${size} (at most ${String(issue.maximum)}: ${fix})`)
        continue
      }
      else if (issue.code === 'invalid_format' || issue.code === 'invalid_value') sentence = `${name} ${describe(value)} is not in the expected form`
      else if (issue.code === 'invalid_union') sentence = `${name} should be a name or a list of names, not ${describe(value)}`
      else sentence = `${name} ${describe(value)} is invalid: ${issue.message}`
      const where = value === undefined ? (issue.path.length > 1 ? locate(issue.path) : start) : locate(issue.path)
      problem(where, `${sentence} (${example ? `write ${example}` : 'see the README for this field'})`)
    }
    return { extra, problems, locate }
  }
  return { data: result.data, extra, problems, locate }
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
