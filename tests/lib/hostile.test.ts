import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// tests/fixtures/hostile holds one post per way a guest author, an importer or a careless paste
// could harm the build machine, the readers or the site, and expected/*.txt the exact line
// `npm run check` must print for each. All at once, as an author would meet them.

const ROOT = path.resolve(import.meta.dirname, '../..')
const SITE = path.join(ROOT, 'tests/fixtures/hostile')
const CONTENT = path.relative(ROOT, path.join(SITE, 'content'))

const expected = fs
  .readdirSync(path.join(SITE, 'expected'))
  .filter((name) => name.endsWith('.txt'))
  .flatMap((name) =>
    fs
      .readFileSync(path.join(SITE, 'expected', name), 'utf8')
      .split('\n')
      .filter(Boolean),
  )

describe('npm run check on every hostile post at once', () => {
  const started = performance.now()
  const run = spawnSync('npx', ['tsx', 'scripts/check.mts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, INKWELL_CONTENT_DIR: CONTENT, INKWELL_NOW: '2025-06-01T00:00:00Z', INKWELL_CACHE: '0', NODE_ENV: 'production' },
    timeout: 120_000,
  })
  const seconds = (performance.now() - started) / 1000
  const lines = `${run.stdout}${run.stderr}`.split('\n').filter(Boolean)

  it('finishes within a minute and fails', () => {
    expect(seconds).toBeLessThan(60)
    expect(run.status).toBe(1)
  })

  it('has at least 40 cases', () => {
    expect(expected.length).toBeGreaterThanOrEqual(40)
  })

  for (const line of expected) {
    it(line.slice(0, line.indexOf(' ')), () => {
      expect(lines).toContain(`${CONTENT}/${line}`)
    })
  }

  it('names every post, and prints nothing but located lines and the count: no stack trace', () => {
    for (const file of fs.readdirSync(path.join(SITE, 'content/posts'))) {
      expect(
        lines.some((l) => l.startsWith(`${CONTENT}/posts/${file}`)),
        file,
      ).toBe(true)
    }
    const stray = lines.filter(
      (l) => !l.startsWith(`${CONTENT}/`) && !/^✗ \d+ errors?, \d+ warnings? in \d+ posts? \(\d+ ms\)$/.test(l) && !l.startsWith('>'),
    )
    expect(stray).toEqual([])
  })
})
