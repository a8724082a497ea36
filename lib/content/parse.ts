import { slugify } from '../slug'
import { badCharacterMessage, NOT_XML } from '../xml-chars'
import { slugOf } from './discover'
import { readContentFile } from './files'
import { isIndexFile } from './format'
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter'
import type { LoadOptions } from './load'
import type { Problem } from './problems'
import { frontmatterSchema } from './schema'

/** A post read and its frontmatter parsed: what its compile and derived fields start from. */
export interface ParsedPost {
  file: string
  slug: string
  /** The file's text, with Unix line endings. */
  source: string
  /** The text with the frontmatter blanked, so positions in it are file positions. */
  body: string
  frontmatter: ParsedYaml<typeof frontmatterSchema>
}

/**
 * Reads one post of the content folder `root` and parses its frontmatter (once per file and text
 * when `parsed` is shared); checks its slug and the characters of its body. Undefined when there
 * is nothing to go on: the file cannot be read, or has no frontmatter.
 */
export function parsePost(file: string, root: string, parsed: LoadOptions['parsed'], out: Problem[]): ParsedPost | undefined {
  const slug = slugOf(file)
  const text = readContentFile(file, root, out)
  if (text === undefined) return undefined
  // Windows line endings would leave a \r on every frontmatter value.
  const source = text.replace(/\r\n?/g, '\n')
  const split = splitFrontmatter(source)
  if (!split) {
    const message = 'the post has no frontmatter (start the file with a --- line, then title: and date:, then another --- line)'
    out.push({ severity: 'error', file, line: 1, column: 1, message })
    return undefined
  }
  if (slugify(slug) !== slug) {
    const kind = isIndexFile(file) ? 'folder' : 'file'
    const message = `"${slug}" cannot be a URL slug (rename the ${kind} to "${slugify(slug) || 'my-post'}": lowercase letters, digits, hyphens and underscores)`
    out.push({ severity: 'error', file, line: 1, column: 1, message })
  }
  const memo = parsed?.get(file)
  const frontmatter =
    memo?.yaml === split.yaml
      ? memo.frontmatter
      : parseYaml({ file, yaml: split.yaml, yamlLine: split.yamlLine, schema: frontmatterSchema, unknownKeys: 'warning', what: 'frontmatter' })
  parsed?.set(file, { yaml: split.yaml, frontmatter })
  out.push(...frontmatter.problems, ...badCharacters(file, split.body))
  return { file, slug, source, body: split.body, frontmatter }
}

/** Each character in a post's body that a feed cannot carry, at its own line and column. */
function badCharacters(file: string, body: string): Problem[] {
  return [...body.matchAll(NOT_XML)].map((m) => ({ severity: 'error' as const, file, ...position(body, m.index), message: badCharacterMessage(m[0], 'in the text') }))
}

/** Line and column (from 1) of an offset in `text`. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') }
}
