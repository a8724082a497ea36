import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { pageUrl, searchablePages, searchIndexPaths } from '@/lib/search-index'

describe('search index input', () => {
  it('maps built files to the URLs they are served at', () => {
    expect(pageUrl('index.html')).toBe('/')
    expect(pageUrl('posts/hello.html')).toBe('/posts/hello')
    expect(pageUrl('series/index.html')).toBe('/series')
  })

  it('indexes only pages that mark a searchable body: never drafts, lists or the 404 page', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-search-'))
    const write = (file: string, html: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
      fs.writeFileSync(path.join(dir, file), html)
    }
    write('index.html', '<main><h1>Home</h1></main>')
    write('posts/published.html', '<h1 data-pagefind-body>Out</h1><div data-pagefind-body>Text</div>')
    write('posts/draft.html', '<h1>Draft</h1><div>Unpublished text</div>')
    write('404.html', '<h1>Not found</h1>')
    write('pagefind/x.html', '<div data-pagefind-body></div>')
    expect(searchablePages(dir).map((p) => p.url)).toEqual(['/posts/published'])
    fs.rmSync(dir, { recursive: true })
  })

  it('reads the built pages and writes the index where each way of serving finds it', () => {
    expect(searchIndexPaths({}, '/site')).toEqual({ pages: '/site/.next/server/app', output: '/site/.next/pagefind' })
    expect(searchIndexPaths({ INKWELL_DIST_DIR: '.next-x' }, '/site').output).toBe('/site/.next-x/pagefind')
    expect(searchIndexPaths({ INKWELL_OUTPUT: 'export' }, '/site')).toEqual({ pages: '/site/out', output: '/site/out/pagefind' })
  })
})
