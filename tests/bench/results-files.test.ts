import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { newestResults, nextResultsFile, resultsFiles, writeReports } from '@/bench/report'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

function folder(...files: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-results-'))
  dirs.push(dir)
  for (const f of files) fs.writeFileSync(path.join(dir, f), '{}')
  return dir
}

describe('bench results files', () => {
  it('gives a second run on the same date its own file instead of overwriting the first', () => {
    const dir = folder('2026-12-02.json')
    expect(path.basename(nextResultsFile(dir, '2026-12-03'))).toBe('2026-12-03.json')
    fs.writeFileSync(path.join(dir, '2026-12-03.json'), '{}')
    expect(path.basename(nextResultsFile(dir, '2026-12-03'))).toBe('2026-12-03-2.json')
    fs.writeFileSync(path.join(dir, '2026-12-03-2.json'), '{}')
    expect(path.basename(nextResultsFile(dir, '2026-12-03'))).toBe('2026-12-03-3.json')
  })

  it('orders runs by date, then by run within the date, ignoring other files', () => {
    const dir = folder('2026-12-03-10.json', '2026-12-03.json', '2026-11-30.json', '2026-12-03-2.json', 'build-time.svg', 'notes.json')
    expect(resultsFiles(dir).map((f) => path.basename(f))).toEqual([
      '2026-11-30.json',
      '2026-12-03.json',
      '2026-12-03-2.json',
      '2026-12-03-10.json',
    ])
    expect(path.basename(newestResults(dir)!)).toBe('2026-12-03-10.json')
    expect(newestResults(path.join(dir, 'missing'))).toBeUndefined()
  })

  it('draws every run its own plot and shows the newest in the README, so a short run leaves the full run’s plot', () => {
    const dir = folder()
    const stored = path.join(import.meta.dirname, '../../bench/results')
    fs.copyFileSync(path.join(stored, '2026-12-03.json'), path.join(dir, '2026-12-03.json'))
    const short = JSON.parse(fs.readFileSync(path.join(stored, '2026-12-03.json'), 'utf8')) as { builds: { posts: number }[] }
    short.builds = short.builds.filter((b) => b.posts === 100)
    fs.writeFileSync(path.join(dir, '2026-12-03-2.json'), JSON.stringify(short))
    const readme = path.join(dir, 'README.md')
    expect(path.basename(writeReports(dir, readme)!)).toBe('2026-12-03-2.json')
    const full = fs.readFileSync(path.join(dir, '2026-12-03.svg'), 'utf8')
    expect(full).toContain('10,000 posts')
    expect(fs.readFileSync(path.join(dir, '2026-12-03-2.svg'), 'utf8')).not.toContain('10,000 posts')
    expect(fs.readFileSync(path.join(dir, 'build-time.svg'), 'utf8')).toBe(fs.readFileSync(path.join(dir, '2026-12-03-2.svg'), 'utf8'))
    expect(fs.readFileSync(readme, 'utf8')).toContain('From `2026-12-03-2.json`')
  })
})
