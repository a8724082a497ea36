// npm run check: every problem in content/ at once, as file:line:col, then a count.
// With --build (how npm run build starts), posts are compiled as pages need them into the compile
// cache, so next build's workers only read them. Alone, the check compiles only as far as finding
// problems needs (see CompileOptions.checkOnly), in about half the time.
// With --build --post-files <file> it also writes what a server needs to answer the posts' images
// and cards without loading the content (lib/post-files-manifest.ts) to that file.
// With --watch it checks again whenever a file under content/ changes, recompiling only what
// changed; .vscode/tasks.json runs it so that problems appear in the editor at their lines.
import fs from 'node:fs'
import path from 'node:path'

import { contentOptions, formatProblem } from '../lib/content'
import { createCompilePool } from '../lib/content/compile-pool'

const build = process.argv.includes('--build')
const postFiles = build && process.argv.includes('--post-files') ? process.argv[process.argv.indexOf('--post-files') + 1] : undefined
const watch = process.argv.includes('--watch') && !build
const root = contentOptions().root
const countPosts = () => {
  const dir = path.join(root, 'posts')
  return fs.existsSync(dir) ? fs.readdirSync(dir).length : 0
}

// Compiling is CPU-bound: a site of a few dozen posts is quicker in one thread than starting workers.
const pool = countPosts() > 64 ? await createCompilePool() : undefined
// Loaded while the workers start.
const { checkContent } = await import('../lib/check')
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** One check; true when it found no errors. */
async function run(compile?: typeof pool): Promise<boolean> {
  const started = watch ? performance.now() : 0 // the first run counts from process start
  if (watch) console.log(`Checking ${path.relative(process.cwd(), root) || root} …`)
  const { problems, posts, site } = await checkContent(process.env, { compile: compile?.compile, checkOnly: !build })
  for (const problem of problems) console.error(formatProblem(problem))
  const errors = problems.filter((p) => p.severity === 'error').length
  const summary = `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')} in ${plural(posts, 'post')} (${Math.round(performance.now() - started)} ms)`
  if (errors) console.error(`\n✗ ${summary}`)
  else console.log(`✓ ${summary}`)
  if (postFiles && site && !errors) {
    const { postFilesManifest, writeManifest } = await import('../lib/post-files-manifest')
    writeManifest(postFiles, postFilesManifest(site, root))
  }
  return errors === 0
}

const ok = await run(pool).finally(() => pool?.close())
if (!watch) process.exit(ok ? 0 : 1)

// Saves come in bursts (an editor writes a temp file, then renames it): wait for a quiet moment.
let timer: NodeJS.Timeout | undefined
let running = Promise.resolve()
fs.watch(root, { recursive: true }, () => {
  clearTimeout(timer)
  timer = setTimeout(() => {
    running = running.then(async () => void (await run()))
  }, 150)
})
console.log('Watching for changes (Ctrl-C to stop).')
