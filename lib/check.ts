import { aliasProblems, APP_DIR, reservedSegments } from './aliases'
import { contentOptions, type Problem } from './content'
import type { LoadOptions } from './content/load'
import { inspectContent } from './content/load'
import { EXPRESSION_THREW, sortProblems } from './content/problems'

export interface CheckResult {
  problems: Problem[]
  posts: number
}

const LOCATED = /^(.+?):(\d+):(\d+) (.*)$/s

/**
 * Checks all content the way a build would use it, without building: every post including drafts
 * (so mistakes are found before publishing), links as production sees them, and every post
 * rendered once so that an expression which throws is reported at its line.
 */
export async function checkContent(
  env: NodeJS.ProcessEnv = process.env,
  { compile, checkOnly = false }: Pick<LoadOptions, 'compile' | 'checkOnly'> = {},
): Promise<CheckResult> {
  const base = { ...contentOptions(env), compile, checkOnly, parsed: new Map() }
  const problems = new Map<string, Problem>()
  const add = (list: Problem[]) => list.forEach((p) => problems.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p))
  let posts = 0
  for (const includeDrafts of [true, base.includeDrafts]) {
    const { content, problems: found } = await inspectContent({ ...base, includeDrafts })
    add(found)
    if (!content || !includeDrafts) continue
    posts = content.posts.length
    add(aliasProblems(content.posts, reservedSegments(APP_DIR)))
    for (const post of content.posts) {
      // Only guarded expressions (see GUARD in mdx.ts) can throw while rendering; posts without
      // one need no trial render, which is most of the check's time on a warm cache.
      if (!post.code.includes(EXPRESSION_THREW)) continue
      // Loaded only when needed: React and the components are a third of the check's start-up.
      const [{ createElement }, { renderToStaticMarkup }, { mdxComponents }, { evaluatePost }] = await Promise.all([
        import('react'),
        import('react-dom/server'),
        import('../components/mdx'),
        import('./content/run'),
      ])
      try {
        renderToStaticMarkup(createElement(evaluatePost(post.code), { components: mdxComponents }))
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        const m = LOCATED.exec(message)
        add([
          m
            ? { severity: 'error', file: post.file, line: Number(m[2]), column: Number(m[3]), message: m[4]! }
            : { severity: 'error', file: post.file, line: 1, column: 1, message: `the post fails to render: ${message}` },
        ])
      }
    }
  }
  return { problems: sortProblems([...problems.values()]), posts }
}
