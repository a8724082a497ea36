import { parseDate } from './dates'
import { derivePost } from './derive'
import { slugOf } from './discover'
import type { Post } from './load'
import type { LoadedPost } from './load-post'
import { compilePost, type CompiledPost } from './mdx'
import type { ParsedPost } from './parse'
import { imageOptions, type PostEnv } from './post-env'
import { ContentError, type Problem } from './problems'
import { frontmatterSchema, type Frontmatter } from './schema'

// next dev keeps a post with errors instead of failing the whole site: it stays in the lists,
// badged, with whatever of its frontmatter is valid, and its own page shows its errors. Builds
// and the check never keep one (LoadOptions.keepBroken).

/** What one post's load got as far as, for a stand-in when it went wrong. */
export interface Stages {
  parsed?: ParsedPost
  compiled?: CompiledPost
}

/** A post with errors as next dev lists it: derived as usual where it could be, else a stand-in from what was valid. */
export async function brokenEntry(file: string, env: PostEnv, loaded: LoadedPost | undefined, { parsed, compiled }: Stages): Promise<LoadedPost> {
  if (loaded) return { ...loaded, post: { ...loaded.post, unpublished: 'broken' } }
  const slug = slugOf(file)
  const body = compiled ?? (await compilePost('', { file, ...imageOptions({ file, slug }, env) }))
  const locate = parsed?.frontmatter.locate ?? (() => ({ line: 1, column: 1 }))
  const standIn: ParsedPost = {
    file,
    slug,
    source: parsed?.source ?? '',
    body: '',
    frontmatter: { data: standInFields(parsed, slug, env), extra: parsed?.frontmatter.extra ?? {}, problems: [], locate },
  }
  // Problems are the real load's; the stand-in's own (a cover that is missing again) are not news.
  const post = derivePost(standIn, body, env, [])
  if (!post) throw new Error(`no stand-in for ${file}`) // its fields were validated just above
  return { post: { ...post, unpublished: 'broken' }, slug, file, source: standIn.source, links: body.links, ids: body.ids, locate }
}

/** The frontmatter fields that are valid on their own, with the title and date a list needs filled in. */
function standInFields(parsed: ParsedPost | undefined, slug: string, env: PostEnv): Frontmatter {
  const written = parsed?.frontmatter.data ?? parsed?.frontmatter.fields ?? {}
  const invalid = new Set(frontmatterSchema.safeParse(written).error?.issues.map((issue) => issue.path[0]))
  const valid = Object.fromEntries(Object.entries(written).filter(([key]) => !invalid.has(key)))
  const date = typeof valid.date === 'string' && parseDate(valid.date, env.site.timeZone) instanceof Date ? valid.date : env.options.now.toISOString()
  const filled = frontmatterSchema.safeParse({ ...valid, title: valid.title ?? slug, date, cover: undefined })
  return filled.success ? filled.data : frontmatterSchema.parse({ title: slug, date })
}

/**
 * Hands each problem in a post file to the post at that file's slug (a duplicate's to the post
 * that has the slug): its warnings, for the notice next dev shows on its page; and when the load
 * keeps broken posts, its errors, which mark it broken.
 */
export function attachProblems(posts: Post[], files: string[], problems: Problem[], keepBroken: boolean): void {
  const postFiles = new Set(files)
  const bySlug = new Map(posts.map((post) => [post.slug, post]))
  for (const problem of problems) {
    if (!postFiles.has(problem.file) || (problem.severity === 'error' && !keepBroken)) continue
    const post = bySlug.get(slugOf(problem.file))
    if (!post) continue
    post.problems = [...(post.problems ?? []), problem]
    if (problem.severity === 'error') post.unpublished = 'broken'
  }
}

/** The errors that keep a post from rendering (next dev only ever has such a post). */
export const errorsOf = (post: Pick<Post, 'unpublished' | 'problems'>): Problem[] =>
  post.unpublished === 'broken' ? (post.problems ?? []).filter((p) => p.severity === 'error') : []

/** Throws a broken post's errors, for its page's error boundary and next dev's overlay to show. */
export function throwIfBroken(post: Pick<Post, 'unpublished' | 'problems'>): void {
  const errors = errorsOf(post)
  if (errors.length) throw new ContentError(errors)
}
