// npm run check: every problem in content/ at once, as file:line:col, then a count.
import { formatProblem } from '../lib/content/problems'
import fs from 'node:fs'
import path from 'node:path'
import { checkContent } from '../lib/check'
import { contentOptions } from '../lib/content'
import { createCompilePool } from '../lib/content/compile-pool'

const countPosts = () => {
  const dir = path.join(contentOptions().root, 'posts')
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0
}

const started = performance.now()
// Compiling is CPU-bound: a site of a few dozen posts is quicker in one thread than starting workers.
const pool = countPosts() > 64 ? createCompilePool() : undefined
const { problems, posts } = await checkContent(process.env, pool?.compile).finally(() => pool?.close())
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
