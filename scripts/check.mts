// npm run check: every problem in content/ at once, as file:line:col, then a count.
// With --build (how npm run build starts), posts are compiled as pages need them into the compile
// cache, so next build's workers only read them. Alone, the check compiles only as far as finding
// problems needs (see CompileOptions.checkOnly), in about half the time.
import fs from 'node:fs'
import path from 'node:path'
import { contentOptions, formatProblem } from '../lib/content'
import { createCompilePool } from '../lib/content/compile-pool'

const countPosts = () => {
  const dir = path.join(contentOptions().root, 'posts')
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0
}

// Compiling is CPU-bound: a site of a few dozen posts is quicker in one thread than starting workers.
const pool = countPosts() > 64 ? await createCompilePool() : undefined
// Loaded while the workers start.
const { checkContent } = await import('../lib/check')
const checkOnly = !process.argv.includes('--build')
const { problems, posts } = await checkContent(process.env, { compile: pool?.compile, checkOnly }).finally(() => pool?.close())
for (const problem of problems) console.error(formatProblem(problem))
const errors = problems.filter((p) => p.severity === 'error').length
const warnings = problems.length - errors
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(posts, 'post')} (${Math.round(performance.now())} ms)`
if (errors) {
  console.error(`\n✗ ${summary}`)
  process.exit(1)
}
console.log(`✓ ${summary}`)
