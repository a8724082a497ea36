import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { basePath, BasePathError, basePathFrom, normalizeBasePath, siteBasePath, stripBasePath, withBasePath } from '@/lib/base-path.mjs'
import type { Problem } from '@/lib/content/problems'
import { readSiteConfig } from '@/lib/content/site-config'
import { EnvError, readEnv } from '@/lib/env'

describe('normalizeBasePath', () => {
  it('gives a leading slash and no trailing one, and nothing for the root', () => {
    expect(normalizeBasePath('blog')).toBe('/blog')
    expect(normalizeBasePath('/blog/')).toBe('/blog')
    expect(normalizeBasePath(' //docs/blog// ')).toBe('/docs/blog')
    expect(normalizeBasePath('/~me/my-blog_2.0')).toBe('/~me/my-blog_2.0')
    expect(normalizeBasePath('/')).toBe('')
    expect(normalizeBasePath('')).toBe('')
  })

  it('refuses what no URL path can be, naming where it came from', () => {
    for (const bad of ['/my blog', '/blog?x=1', '/blog#top', '/a//b', '/..', '/./x', '/caf%C3%A9', '/b\\c', 'https://x.dev/blog']) {
      expect(() => normalizeBasePath(bad), bad).toThrow(BasePathError)
    }
    expect(() => normalizeBasePath('/my blog')).toThrow('INKWELL_BASE_PATH="/my blog" is not a base path (use a path such as /blog')
    expect(() => normalizeBasePath('/a b', 'the path of SITE_URL')).toThrow(/^the path of SITE_URL="\/a b"/)
  })
})

describe('basePathFrom', () => {
  const siteYamlUrl = 'https://me.github.io/blog/'

  it('takes the path of the site URL', () => {
    expect(basePathFrom({}, siteYamlUrl)).toBe('/blog')
    expect(basePathFrom({}, 'https://blog.example.com')).toBe('')
    expect(basePathFrom({}, undefined)).toBe('')
  })

  it('lets SITE_URL replace the site URL, and INKWELL_BASE_PATH win over both', () => {
    expect(basePathFrom({ SITE_URL: 'https://example.com/notes' }, siteYamlUrl)).toBe('/notes')
    expect(basePathFrom({ SITE_URL: 'https://example.com' }, siteYamlUrl)).toBe('')
    expect(basePathFrom({ INKWELL_BASE_PATH: 'journal/', SITE_URL: 'https://example.com/notes' }, siteYamlUrl)).toBe('/journal')
    expect(basePathFrom({ INKWELL_BASE_PATH: '/' }, siteYamlUrl)).toBe('')
    // Empty counts as unset, as everywhere in lib/env.ts.
    expect(basePathFrom({ INKWELL_BASE_PATH: ' ' }, siteYamlUrl)).toBe('/blog')
  })

  it('says which setting holds a path it cannot serve under', () => {
    expect(() => basePathFrom({ INKWELL_BASE_PATH: '/a?b' })).toThrow(/^INKWELL_BASE_PATH=/)
    expect(() => basePathFrom({ SITE_URL: 'https://example.com/my blog' })).toThrow(/^the path of SITE_URL="\/my%20blog"/)
    expect(() => basePathFrom({}, 'https://example.com/my blog')).toThrow(/^the path of the site url=/)
  })
})

describe('withBasePath and stripBasePath', () => {
  it('prefix root-relative paths only', () => {
    expect(withBasePath('/posts/a', '/blog')).toBe('/blog/posts/a')
    expect(withBasePath('/', '/blog')).toBe('/blog')
    expect(withBasePath('/feed.xml?x=1#y', '/blog')).toBe('/blog/feed.xml?x=1#y')
    for (const other of ['https://x.dev/a', '//cdn.example/a.png', '#top', './a.png', 'mailto:me@example.com', '']) {
      expect(withBasePath(other, '/blog')).toBe(other)
    }
    expect(withBasePath('/posts/a', '')).toBe('/posts/a')
  })

  it('take the base path off again, and nothing outside it', () => {
    expect(stripBasePath('/blog/posts/a', '/blog')).toBe('/posts/a')
    expect(stripBasePath('/blog', '/blog')).toBe('/')
    expect(stripBasePath('/blogroll', '/blog')).toBeUndefined()
    expect(stripBasePath('/posts/a', '')).toBe('/posts/a')
  })
})

describe('basePath and siteBasePath', () => {
  const dirs: string[] = []
  afterEach(() => {
    vi.unstubAllEnvs()
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })
  const site = (url: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-base-'))
    dirs.push(dir)
    fs.mkdirSync(path.join(dir, 'content'))
    fs.writeFileSync(path.join(dir, 'content', 'site.yaml'), `title: T\nurl: "${url}" # where it lives\n`)
    return dir
  }

  it('reads the url of site.yaml in INKWELL_CONTENT_DIR, as next.config.mjs does', () => {
    const dir = site('https://me.github.io/blog')
    expect(siteBasePath({}, dir)).toBe('/blog')
    expect(siteBasePath({ INKWELL_CONTENT_DIR: 'content' }, dir)).toBe('/blog')
    expect(siteBasePath({ SITE_URL: 'https://example.com' }, dir)).toBe('')
    expect(siteBasePath({ INKWELL_BASE_PATH: '/x' }, dir)).toBe('/x')
    expect(siteBasePath({ INKWELL_CONTENT_DIR: 'nowhere' }, dir)).toBe('')
  })

  it('is what INKWELL_BASE_PATH says once it is set (inside the app, next.config.mjs set it)', () => {
    vi.stubEnv('INKWELL_BASE_PATH', '/blog/')
    expect(basePath()).toBe('/blog')
    expect(withBasePath('/a')).toBe('/blog/a')
    // What next.config.mjs hands a site at the root.
    vi.stubEnv('INKWELL_BASE_PATH', '/')
    expect(basePath()).toBe('')
    // Empty is unset: the site URL decides.
    vi.stubEnv('INKWELL_BASE_PATH', '')
    vi.stubEnv('SITE_URL', 'https://example.com/notes')
    expect(basePath()).toBe('/notes')
  })
})

describe('the base path elsewhere', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('is checked with the other variables', () => {
    expect(readEnv({ INKWELL_BASE_PATH: '/blog' }).INKWELL_BASE_PATH).toBe('/blog')
    expect(() => readEnv({ INKWELL_BASE_PATH: '/my blog' })).toThrow(EnvError)
    expect(() => readEnv({ INKWELL_BASE_PATH: '/my blog' })).toThrow('INKWELL_BASE_PATH="/my blog" is not a path such as /blog')
  })

  it('makes the site URL, which every absolute URL starts from', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-base-'))
    try {
      fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: T\ndescription: D\nurl: https://me.github.io/blog/\nauthor: Me\n')
      const problems: Problem[] = []
      expect(readSiteConfig(dir, undefined, problems)?.url).toBe('https://me.github.io/blog')
      vi.stubEnv('INKWELL_BASE_PATH', '/notes')
      expect(readSiteConfig(dir, undefined, problems)?.url).toBe('https://me.github.io/notes')
      expect(readSiteConfig(dir, 'https://example.com', problems)?.url).toBe('https://example.com/notes')
      vi.stubEnv('INKWELL_BASE_PATH', '')
      fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: T\ndescription: D\nurl: https://me.github.io/my%20blog\nauthor: Me\n')
      expect(readSiteConfig(dir, undefined, problems)).toBeUndefined()
      expect(problems).toEqual([
        expect.objectContaining({ line: 3, message: expect.stringMatching(/^the path of the site url="\/my%20blog" is not a base path/) }),
      ])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
