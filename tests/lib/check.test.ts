import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
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
    expect(full).toContain('posts/bad-expression.mdx:8:15 this expression threw "ReferenceError: notDefined is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)')
    expect(full).toHaveLength(6)
    expect(await lines(BROKEN, true)).toEqual(full)
  })
})

describe('npm run check on a site large enough for the worker pool', () => {
  it('prints every problem once as file:line:col, then the count, and exits 1', () => {
    const files: Record<string, string> = {}
    // More than 64 posts, so the check compiles on worker threads.
    for (let i = 1; i <= 70; i++) files[`posts/p${i}.mdx`] = post([`date: 2025-01-${String((i % 28) + 1).padStart(2, '0')}`], `## Part ${i}\n\nText of post ${i}.\n\n\`\`\`ts\nconst n = ${i}\n\`\`\``)
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
      `${rel}/posts/p3.mdx:6:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>)`,
      `${rel}/posts/p4.mdx:4:1 warning: unknown frontmatter field "tilte" (did you mean "title"?)`,
      `${rel}/posts/p4.mdx:9:8 this expression threw "ReferenceError: total is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)`,
      `${rel}/posts/p5.mdx:6:5 link to /posts/p2#setup: no heading with id "setup" in that post (headings there: part-2)`,
    ])
    expect(run.stderr).toMatch(/✗ 3 errors, 1 warning in 69 posts \(\d+ ms\)/)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  }, 60_000)
})
