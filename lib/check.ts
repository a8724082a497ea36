import { aliasProblems, APP_DIR, reservedSegments } from './aliases'
import { contentOptions, type Content, type Post, type Problem } from './content'
import type { LoadOptions } from './content/load'
import { inspectContent } from './content/load'
import { mayThrow, sortProblems } from './content/problems'

export interface CheckResult {
  problems: Problem[]
  posts: number
  /** The site as the build shows it (drafts only in a preview); none when it failed to load. */
  site?: Content
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
  // The check reports broken posts; it never keeps them as next dev does.
  const base = { ...contentOptions(env), compile, checkOnly, parsed: new Map(), keepBroken: false }
  const problems = new Map<string, Problem>()
  const add = (list: Problem[]) => list.forEach((p) => problems.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p))
  let posts = 0
  let site: Content | undefined
  for (const includeDrafts of [true, base.includeDrafts]) {
    const { content, problems: found } = await inspectContent({ ...base, includeDrafts })
    add(found)
    site = content ?? undefined
    if (!content || !includeDrafts) continue
    posts = content.posts.length
    add(aliasProblems(content.posts, reservedSegments(APP_DIR), { paths: content.paths, publicDir: base.publicDir }))
    add(await trialRender(content.posts.filter((post) => mayThrow(post.code))))
  }
  return { problems: sortProblems([...problems.values()]), posts, site }
}

/**
 * Renders each post that has a guarded expression (see mdx.ts), the only thing that can throw
 * while rendering, so that one which throws, runs away or eats memory is reported at its line.
 * Posts without one need no trial render, which is most of the check's time on a warm cache.
 */
async function trialRender(posts: Post[]): Promise<Problem[]> {
  if (!posts.length) return []
  // Loaded only when needed: React and the components are a third of the check's start-up.
  const { createTrialRenderer } = await import('./content/trial-render')
  const renderer = await createTrialRenderer()
  const problems: Problem[] = []
  try {
    for (const post of posts) {
      const { error, stopped } = await renderer.render(post.code)
      if (stopped) {
        const why =
          stopped.why === 'time'
            ? `rendering this post took more than ${renderer.seconds} seconds and was stopped here (look for a loop that never ends, or a regular expression that backtracks)`
            : `rendering this post used more than ${renderer.memoryMb} MB and was stopped here (look for an expression that builds something enormous)`
        problems.push({ severity: 'error', file: post.file, line: stopped.line, column: stopped.column, message: why })
      } else if (error) {
        const m = LOCATED.exec(error)
        problems.push(
          m
            ? { severity: 'error', file: post.file, line: Number(m[2]), column: Number(m[3]), message: m[4]! }
            : { severity: 'error', file: post.file, line: 1, column: 1, message: `the post fails to render: ${error}` },
        )
      }
    }
  } finally {
    await renderer.close()
  }
  return problems
}
