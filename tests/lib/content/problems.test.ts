import { describe, expect, it } from 'vitest'
import { ContentError, formatProblem, type Problem } from '@/lib/content'
import { sortProblems } from '@/lib/content/problems'

const problem = (file: string, line: number, column: number, message: string, severity: Problem['severity'] = 'error'): Problem => ({
  severity,
  file,
  line,
  column,
  message,
})

describe('formatProblem', () => {
  it('writes path:line:col message, the path relative to the working directory', () => {
    expect(formatProblem(problem('/site/content/posts/a.mdx', 3, 7, 'date is missing (write date: …)'), '/site')).toBe(
      'content/posts/a.mdx:3:7 date is missing (write date: …)',
    )
    expect(formatProblem(problem('/site/content/posts/a.mdx', 4, 1, 'unknown field', 'warning'), '/site')).toBe('content/posts/a.mdx:4:1 warning: unknown field')
  })
})

describe('ContentError', () => {
  it('lists only the errors, one a line, and keeps every problem', () => {
    const problems = [
      problem(`${process.cwd()}/content/posts/a.mdx`, 2, 1, 'first'),
      problem(`${process.cwd()}/content/posts/a.mdx`, 3, 1, 'a warning', 'warning'),
      problem(`${process.cwd()}/content/posts/b.mdx`, 1, 1, 'second'),
    ]
    const error = new ContentError(problems)
    expect(error.message).toBe('content/posts/a.mdx:2:1 first\ncontent/posts/b.mdx:1:1 second')
    expect(error.name).toBe('ContentError')
    expect(error.problems).toEqual(problems)
    expect(error.stack).toBe(error.message)
  })
})

describe('sortProblems', () => {
  it('sorts by file, then line, then column, numerically (line 10 after line 9)', () => {
    const sorted = sortProblems([
      problem('/s/posts/b.mdx', 1, 1, 'b'),
      problem('/s/posts/a.mdx', 10, 1, 'a10'),
      problem('/s/posts/a.mdx', 9, 5, 'a9:5'),
      problem('/s/posts/a.mdx', 9, 2, 'a9:2'),
    ])
    expect(sorted.map((p) => p.message)).toEqual(['a9:2', 'a9:5', 'a10', 'b'])
  })
})
