import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { inspectContent } from '@/lib/content/load'

let root: string
const write = (name: string, text: string) => fs.writeFileSync(path.join(root, 'posts', name), text)
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-links-'))
  fs.mkdirSync(path.join(root, 'posts'))
  fs.writeFileSync(path.join(root, 'site.yaml'), 'title: T\ndescription: D\nurl: https://example.org\nauthor: A\npostsPerPage: 1\n')
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

it('accepts links to every kind of page the build makes, and reports the rest with a suggestion', async () => {
  write('first.mdx', '---\ntitle: First\ndate: 2025-01-01\ncategories: [Notes]\ntags: [css]\nseries: Trip\n---\n\n## Setup\n\nText.\n')
  write('hidden.mdx', '---\ntitle: Hidden\ndate: 2025-01-02\ndraft: true\n---\n\nText.\n')
  write(
    'second.mdx',
    [
      '---',
      'title: Second',
      'date: 2025-01-03',
      '---',
      '',
      '[a](/about) [b](/categories/notes/) [c](/tags/css) [d](/series/trip) [e](/archive) [f](/page/2) [g](/posts/first#setup) [h](/feed.xml) [i](/categories/notes/feed.xml)',
      '',
      '[bad1](/abuot) [bad2](/posts/frist) [bad3](/posts/first#setpu) [bad4](/posts/hidden) [bad5](#nowhere) [bad6](/page/3)',
    ].join('\n'),
  )
  const { problems } = await inspectContent({ root, includeDrafts: false, now: new Date('2026-01-01'), pages: ['/about'] })
  expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
    '8:1 link to /abuot: no such page on this site (did you mean /about?)',
    '8:16 link to /posts/frist: no such post (did you mean /posts/first?)',
    '8:37 link to /posts/first#setpu: no heading with id "setpu" in that post (did you mean #setup? headings there: setup)',
    '8:64 link to /posts/hidden points at a post that is not published (publish hidden first, or remove the link)',
    '8:86 link to #nowhere: no heading with id "nowhere" in that post (headings there: none)',
    '8:103 link to /page/3: no such page on this site (did you mean /page/2?)',
  ])
})
