import { formatProblem, type Post } from '@/lib/content'
import { ProblemList } from './problem-list'

/** next dev only: the warnings about a post (a misspelt frontmatter key, say) above it, so that none goes unseen. */
export function PostWarnings({ post }: { post: Pick<Post, 'problems'> }) {
  if (process.env.NODE_ENV !== 'development') return null
  const warnings = (post.problems ?? []).filter((p) => p.severity === 'warning')
  if (!warnings.length) return null
  return (
    <aside
      aria-labelledby="post-warnings"
      className="mb-8 rounded-lg border border-amber-600/40 bg-amber-50 p-4 text-amber-950 dark:border-amber-400/40 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id="post-warnings" className="mb-2 font-semibold">
        {warnings.length === 1 ? 'A warning' : `${warnings.length} warnings`} about this post{' '}
        <span className="font-normal">(shown in next dev only)</span>
      </p>
      <ProblemList lines={warnings.map((warning) => formatProblem(warning).replace(' warning: ', ' '))} />
    </aside>
  )
}
