import { brokenEntry, type Stages } from './broken'
import { compileCached } from './cache'
import { derivePost } from './derive'
import type { ParsedYaml } from './frontmatter'
import type { LinkedPost } from './link-check'
import type { Post } from './load'
import { parsePost } from './parse'
import { imageOptions, type PostEnv } from './post-env'
import type { Problem } from './problems'
import type { frontmatterSchema } from './schema'

/** A post that loaded without errors, with what the later stages need of its compile and source. */
export interface LoadedPost extends LinkedPost {
  post: Post
  /** Where a frontmatter field is, for problems found later (taxonomy, series). */
  locate: ParsedYaml<typeof frontmatterSchema>['locate']
}

/**
 * Loads one post: parse, compile, derive. Undefined when it has any error, unless the load keeps
 * broken posts (next dev): then it is a stand-in marked broken. Its problems go to `problems` either way.
 */
export async function loadPost(file: string, env: PostEnv, problems: Problem[]): Promise<LoadedPost | undefined> {
  const out: Problem[] = []
  const stages: Stages = {}
  // Whatever goes wrong with one post is that post's problem: the others are still checked.
  const loaded = await parseCompileDerive(file, env, out, stages).catch((error: unknown) => {
    out.push({ severity: 'error', file, line: 1, column: 1, message: `this post cannot be loaded: ${String(error)} (look for anything unusual in it)` })
    return undefined
  })
  problems.push(...out)
  if (!out.some((p) => p.severity === 'error')) return loaded
  return env.options.keepBroken ? brokenEntry(file, env, loaded, stages) : undefined
}

async function parseCompileDerive(file: string, env: PostEnv, out: Problem[], stages: Stages): Promise<LoadedPost | undefined> {
  const parsed = (stages.parsed = parsePost(file, env.root, env.options.parsed, out))
  if (!parsed) return undefined
  const { trustedCode, trustedHtml } = env.site
  const options = { file, ...imageOptions(parsed, env), checkOnly: env.options.checkOnly === true, trustedCode, trustedHtml }
  const compiled = (stages.compiled = await compileCached(parsed.body, options, env.options.compile, env.options.codeOnDisk))
  out.push(...compiled.problems)
  const post = derivePost(parsed, compiled, env, out)
  if (!post) return undefined
  return { post, slug: post.slug, file, source: parsed.source, links: compiled.links, ids: compiled.ids, locate: parsed.frontmatter.locate }
}
