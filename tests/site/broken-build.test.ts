// A site with broken posts must fail `npm run build` with one line per problem and write nothing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { buildEnv, ROOT } from './env'

describe('npm run build on broken content', () => {
  it('fails with one line per problem, no stack trace, and writes no site', () => {
    const dist = '.next-broken'
    fs.rmSync(path.join(ROOT, dist), { recursive: true, force: true })
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env: buildEnv('tests/fixtures/broken/content', dist), encoding: 'utf8' })
    expect(build.status).not.toBe(0)
    const lines = build.stderr.split('\n').filter((l) => l.startsWith('tests/fixtures/'))
    const dir = 'tests/fixtures/broken/content/posts'
    expect(lines).toEqual([
      `${dir}/bad-component.mdx:8:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)`,
      `${dir}/bad-expression.mdx:8:15 this expression threw "ReferenceError: notDefined is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)`,
      `${dir}/bad-frontmatter.mdx:1:1 date is missing (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)`,
      `${dir}/bad-frontmatter.mdx:4:1 warning: unknown frontmatter field "catgories" (did you mean "categories"?)`,
      `${dir}/bad-image.mdx:6:1 image "./nothing.png" not found (check the path; it is relative to the post file)`,
      `${dir}/bad-syntax.mdx:6:1 Expected a closing tag for \`<Admonition>\` (close every tag, in the order the tags were opened)`,
    ])
    expect(build.stderr).toContain('✗ 5 errors, 1 warning')
    expect(build.stderr).not.toMatch(/^\s+at /m)
    expect(fs.existsSync(path.join(ROOT, dist))).toBe(false)
  })
})
