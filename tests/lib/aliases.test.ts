import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { aliasProblems, aliasSegments, aliasTargets, redirectPage, reservedSegments } from '@/lib/aliases'
import type { Post } from '@/lib/content'

describe('aliasSegments', () => {
  it('serves an alias at its own path under next start', () => {
    expect(aliasSegments('/2019/11/old-hello/', false)).toEqual(['2019', '11', 'old-hello'])
    expect(aliasSegments('/old.html', false)).toEqual(['old.html'])
    expect(aliasSegments('/caf%C3%A9/', false)).toEqual(['café'])
  })

  it('writes the file a static host serves for that path in an export', () => {
    expect(aliasSegments('/2019/11/old-hello/', true)).toEqual(['2019', '11', 'old-hello', 'index.html'])
    expect(aliasSegments('/2019/11/old-hello', true)).toEqual(['2019', '11', 'old-hello.html'])
    expect(aliasSegments('/blog/post.html', true)).toEqual(['blog', 'post.html'])
    expect(aliasSegments('/', true)).toEqual([])
  })
})

describe('aliasProblems', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-aliases-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const post = (slug: string, aliases: string[]): Post => {
    const file = path.join(dir, `${slug}.mdx`)
    fs.writeFileSync(file, `---\ntitle: ${slug}\ndate: 2025-01-01\naliases:\n${aliases.map((a) => `  - ${a}\n`).join('')}---\n\nText.\n`)
    return { slug, file, url: `/posts/${slug}`, aliases } as Post
  }

  it('reports the home page, paths the site routes itself, and aliases two posts claim, at their lines', () => {
    const a = post('a', ['/old/a/', '/', '/posts/old-a'])
    const b = post('b', ['/old/a', '/feed.xml'])
    const problems = aliasProblems([a, b], new Set(['posts', 'feed.xml']))
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'a.mdx:6:5 alias "/" is the home page (list only old URLs of this post)',
      'a.mdx:7:5 alias "/posts/old-a" is inside /posts, where the site\'s own pages are (an alias must be an old URL outside /posts, /feed.xml)',
      'b.mdx:5:5 alias "/old/a" is also an alias of a (an old URL can lead to one post only)',
      'b.mdx:6:5 alias "/feed.xml" is inside /feed.xml, where the site\'s own pages are (an alias must be an old URL outside /posts, /feed.xml)',
    ])
    expect(aliasTargets([a], false).get('old/a')).toBe(a)
  })

  it('reserves the top-level folders of app/', () => {
    const reserved = reservedSegments(path.resolve(import.meta.dirname, '../../app'))
    for (const name of ['posts', 'categories', 'tags', 'series', 'page', 'feed.xml', 'og', 'sitemap.xml', 'robots.txt'])
      expect(reserved).toContain(name)
    expect(reserved).not.toContain('[...alias]')
  })
})

describe('redirectPage', () => {
  it('refreshes to the root-relative path, links to it visibly, and keeps the public address as canonical', () => {
    const html = redirectPage({ href: '/blog/posts/a?x=1&y="2"', canonical: 'https://me.example/blog/posts/a', title: 'Fish & <chips>' })
    expect(html).toContain('<link rel="canonical" href="https://me.example/blog/posts/a">')
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/blog/posts/a?x=1&amp;y=&quot;2&quot;">')
    expect(html).toContain('<a href="/blog/posts/a?x=1&amp;y=&quot;2&quot;">Fish &amp; &lt;chips&gt;</a>')
    expect(html).toContain('<title>Fish &amp; &lt;chips&gt;</title>')
    expect(html).not.toMatch(/refresh" content="0; url=https?:/)
  })
})
