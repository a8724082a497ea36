import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'

import { checkContent } from '@/lib/check'
import { formatProblem } from '@/lib/content'
import { post, tempSite } from './content/helpers'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BROKEN = path.join(ROOT, 'tests/fixtures/broken/content')

const lines = async (root: string, checkOnly: boolean) => {
  const env = { ...process.env, INKWELL_CONTENT_DIR: root, INKWELL_NOW: '2025-06-01T00:00:00Z', INKWELL_CACHE: '0' }
  return (await checkContent(env, { checkOnly })).problems.map((p) => formatProblem(p, root))
}

describe('checkContent', () => {
  it('finds the same problems whether it compiles posts fully (build) or only as far as checking needs', async () => {
    const full = await lines(BROKEN, false)
    expect(full).toContain(
      'posts/bad-expression.mdx:8:15 this expression threw "ReferenceError: notDefined is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
    )
    expect(full).toHaveLength(6)
    expect(await lines(BROKEN, true)).toEqual(full)
  })
})

describe('npm run check on a site large enough for the worker pool', () => {
  it('prints every problem once as file:line:col, then the count, and exits 1', () => {
    const files: Record<string, string> = {}
    // More than 64 posts, so the check compiles on worker threads.
    for (let i = 1; i <= 70; i++)
      files[`posts/p${i}.mdx`] = post(
        [`date: 2025-01-${String((i % 28) + 1).padStart(2, '0')}`],
        `## Part ${i}\n\nText of post ${i}.\n\n\`\`\`ts\nconst n = ${i}\n\`\`\``,
      )
    files['posts/p3.mdx'] = post([], '<Callout>x</Callout>')
    files['posts/p4.mdx'] = post(['tilte: Typo'], 'Intro.\n\nTotal: {total * 2}')
    files['posts/p5.mdx'] = post([], 'See [the setup](/posts/p2#setup).')
    const root = tempSite(files)
    const run = spawnSync('npx', ['tsx', 'scripts/check.mts'], {
      cwd: ROOT,
      env: { ...process.env, INKWELL_CONTENT_DIR: root, INKWELL_CACHE: '0' },
      encoding: 'utf8',
    })
    expect(run.status).toBe(1)
    const rel = path.relative(ROOT, root)
    expect(run.stderr.split('\n').filter((l) => l.startsWith(rel))).toEqual([
      `${rel}/posts/p3.mdx:6:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)`,
      `${rel}/posts/p4.mdx:4:1 warning: unknown frontmatter field "tilte" (did you mean "title"?)`,
      `${rel}/posts/p4.mdx:9:8 this expression threw "ReferenceError: total is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)`,
      `${rel}/posts/p5.mdx:6:5 link to /posts/p2#setup: no heading with id "setup" in that post (headings there: part-2)`,
    ])
    expect(run.stderr).toMatch(/✗ 3 errors, 1 warning in 69 posts \(\d+ ms\)/)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  }, 60_000)
})

describe('npm run check -- --watch, as the VS Code task runs it', () => {
  const task = JSON.parse(fs.readFileSync(path.join(ROOT, '.vscode/tasks.json'), 'utf8')).tasks[0]
  const matcher = task.problemMatcher
  const pattern = new RegExp(matcher.pattern.regexp)

  it('reports again after a save, and every line it prints is one the task matches at its place', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Fine.') })
    const child = spawn('npx', ['tsx', 'scripts/check.mts', '--watch'], {
      cwd: ROOT,
      env: { ...process.env, INKWELL_CONTENT_DIR: root, INKWELL_CACHE: '0' },
    })
    onTestFinished(() => void child.kill())
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const waitFor = async (re: RegExp) => {
      for (let i = 0; i < 300 && !re.test(output); i++) await new Promise((r) => setTimeout(r, 100))
      expect(output).toMatch(re)
    }
    const ends = new RegExp(matcher.background.endsPattern, 'gm')
    await waitFor(/Watching for changes/)
    expect(output.match(ends)).toHaveLength(1)
    expect(output).toMatch(new RegExp(matcher.background.beginsPattern, 'm'))

    fs.writeFileSync(path.join(root, 'posts/a.mdx'), post(['catgories: [Notes]'], 'Now <Callout>broken</Callout>.'))
    await waitFor(/✗ 1 error, 1 warning in 0 posts/)
    const rel = path.relative(ROOT, root)
    const found = output
      .split('\n')
      .map((line) => pattern.exec(line))
      .filter((m) => m !== null)
      .map((m) => ({ file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4] ?? matcher.severity, message: m[5] }))
    expect(found).toEqual([
      {
        file: `${rel}/posts/a.mdx`,
        line: 4,
        column: 1,
        severity: 'warning',
        message: 'unknown frontmatter field "catgories" (did you mean "categories"?)',
      },
      {
        file: `${rel}/posts/a.mdx`,
        line: 7,
        column: 5,
        severity: 'error',
        message: 'unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
      },
    ])
    expect(output.match(ends)).toHaveLength(2)
  }, 60_000)
})
