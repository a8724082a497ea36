import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { envDocs, EnvError, readEnv } from '@/lib/env'

describe('readEnv', () => {
  it('parses what is set, treats empty values as unset and turns counts into numbers', () => {
    const env = readEnv({ SITE_URL: 'https://blog.example', INKWELL_DRAFTS: '', INKWELL_TRUSTED_PROXIES: '2', UNRELATED: 'x' })
    expect(env.SITE_URL).toBe('https://blog.example')
    expect(env.INKWELL_DRAFTS).toBeUndefined()
    expect(env.INKWELL_TRUSTED_PROXIES).toBe(2)
    expect(Object.keys(env)).not.toContain('UNRELATED')
  })

  it('names every variable that is wrong, with what it should be, in one error', () => {
    const read = () =>
      readEnv({
        SITE_URL: 'ftp://blog.example',
        INKWELL_NOW: 'tomorrow',
        INKWELL_DRAFTS: 'yes',
        DATABASE_URL: 'mysql://db',
        INKWELL_CACHE: '0',
      })
    expect(read).toThrow(EnvError)
    expect(read).toThrow(
      [
        'SITE_URL="ftp://blog.example" is not an http(s) URL, such as https://blog.example.com',
        'INKWELL_DRAFTS="yes" is not 0 or 1',
        'INKWELL_NOW="tomorrow" is not a date and time with its offset, such as 2026-01-31T09:00:00Z',
        'DATABASE_URL="mysql://db" is not a postgres:// URL',
      ].join('\n'),
    )
  })

  it('sees a change to the environment of the same process', () => {
    const source: Record<string, string | undefined> = { INKWELL_CACHE: '0' }
    expect(readEnv(source).INKWELL_CACHE).toBe('0')
    source.INKWELL_CACHE = '1'
    expect(readEnv(source).INKWELL_CACHE).toBe('1')
  })
})

describe('the README', () => {
  it('documents exactly the variables Inkwell reads', () => {
    const readme = fs.readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8')
    const table = readme.slice(readme.indexOf('| environment variable | effect |'))
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2)
    const documented = rows.map((row) => row.match(/^\| `([A-Z_]+)` \|/)?.[1])
    expect(documented).toEqual(envDocs().map((d) => d.name))
  })
})
