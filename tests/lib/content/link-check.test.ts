import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { checkLinks, type LinkedPost, type LinkSite } from '@/lib/content/link-check'

// The link check takes plain data: each post's links and heading ids as its compile found them,
// and the paths of the build. No post is compiled here.

const linked = (slug: string, source: string, links: LinkedPost['links'], ids: string[] = []): LinkedPost => ({ slug, file: `/site/posts/${slug}.mdx`, source, links, ids })
const at = (href: string, line = 3, column = 1) => ({ href, line, column })

function site(posts: LinkedPost[], extra: Partial<LinkSite> = {}): LinkSite {
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-public-'))
  onTestFinished(() => fs.rmSync(publicDir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(publicDir, 'logo.png'), '')
  return { posts, unpublished: [], broken: [], paths: new Set(['/', '/archive', '/about']), publicDir, ...extra }
}

const messages = (s: LinkSite) => checkLinks(s).map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`)

describe('checkLinks', () => {
  it('accepts links to posts, their headings, this post’s own headings, site paths (trailing slash or not) and public files', () => {
    const a = linked('a', '', [at('/posts/b'), at('/posts/b#setup'), at('#intro'), at('/archive/'), at('/about?x=1'), at('/logo.png'), at('/posts/b#user-content-fn-1')], ['intro'])
    const b = linked('b', '', [], ['setup'])
    expect(messages(site([a, b]))).toEqual([])
  })

  it('names what is wrong with each link, at the link, with the closest match', () => {
    const a = linked('a', '', [at('/posts/bb', 3, 5), at('/posts/b#setpu', 4, 1), at('#nowhere', 5, 2), at('/archiv', 6, 7), at('/posts/draft', 7, 1)])
    const b = linked('b', '', [], ['setup', 'usage'])
    expect(messages(site([a, b], { unpublished: ['draft'] }))).toEqual([
      'a.mdx:3:5 link to /posts/bb: no such post (did you mean /posts/b?)',
      'a.mdx:4:1 link to /posts/b#setpu: no heading with id "setpu" in that post (did you mean #setup? headings there: setup, usage)',
      'a.mdx:5:2 link to #nowhere: no heading with id "nowhere" in that post (headings there: none)',
      'a.mdx:6:7 link to /archiv: no such page on this site (did you mean /archive?)',
      'a.mdx:7:1 link to /posts/draft points at a post that is not published (publish draft first, or remove the link)',
    ])
  })

  it('leaves links to a post with errors of its own to that post’s report', () => {
    expect(messages(site([linked('a', '', [at('/posts/broken'), at('/posts/broken#x')])], { broken: ['broken'] }))).toEqual([])
  })

  it('decodes escapes before matching, and puts a bad escape at its own column when the address is written out', () => {
    const source = '\n\nSee [this](/posts/a%zz) and [caf\u00e9](/posts/caf%C3%A9#d%C3%A9but).'
    const a = linked('a', source, [at('/posts/a%zz', 3, 5), at('/posts/caf%C3%A9#d%C3%A9but', 3, 30)])
    const cafe = linked('café', '', [], ['début'])
    expect(messages(site([a, cafe]))).toEqual(['a.mdx:3:20 link "/posts/a%zz" is not a valid URL: "%zz" is not a percent-escape (write %25 for a literal %)'])
  })
})
