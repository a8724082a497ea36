import path from 'node:path'

/** The words every guarded expression's error starts with, after its location (see mdx.ts). */
export const EXPRESSION_THREW = 'this expression threw'

/** True when compiled post code has a guarded expression (see mdx.ts), the only thing that can throw while it renders. */
export const mayThrow = (code: string): boolean => code.includes(EXPRESSION_THREW) || code.includes('_inkwell.begin(')

/** One thing wrong with the content, located in a file as the author sees it. */
export interface Problem {
  severity: 'error' | 'warning'
  /** Absolute path of the file. */
  file: string
  line: number
  column: number
  /** What is wrong, then how to fix it in parentheses. */
  message: string
}

/** `content/posts/x.mdx:12:3 what is wrong (how to fix)`, the path relative to the working directory. */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const where = `${path.relative(cwd, p.file) || p.file}:${p.line}:${p.column}`
  return `${where} ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`
}

/** An error whose message is a report of located problems (`content/posts/x.mdx:12:3 …`), one a line. */
export class LocatedError extends Error {
  constructor(message: string) {
    super(message)
    // The message is the report; a stack trace into the loader or the sandbox would only hide it.
    this.stack = this.message
  }

  /** How Node prints it (next dev logs a page's error on every request): the report alone, not an object. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.message
  }
}

/** Thrown when content has errors; its message lists every error, one line each. */
export class ContentError extends LocatedError {
  readonly problems: Problem[]
  constructor(problems: Problem[]) {
    super(
      problems
        .filter((p) => p.severity === 'error')
        .map((p) => formatProblem(p))
        .join('\n'),
    )
    this.name = 'ContentError'
    this.problems = problems
  }
}

/** Sorts problems by file, line and column, errors and warnings mixed in file order. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  )
}
