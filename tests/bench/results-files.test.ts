import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

import { newestResults, nextResultsFile, resultsFiles } from '@/bench/report'

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
})
