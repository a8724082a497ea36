// npm run check: every problem in content/ at once, as file:line:col, then a count.
import { formatProblem } from '../lib/content/problems'
import { checkContent } from '../lib/check'

const started = performance.now()
const { problems, posts } = await checkContent()
for (const problem of problems) console.error(formatProblem(problem))
const errors = problems.filter((p) => p.severity === 'error').length
const warnings = problems.length - errors
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(posts, 'post')} (${Math.round(performance.now() - started)} ms)`
if (errors) {
  console.error(`\n✗ ${summary}`)
  process.exit(1)
}
console.log(`✓ ${summary}`)
