import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { exportComments, openDatabase } from '@/lib/comments'
import { runImport, type ImportResult } from '@/lib/import'
import { check, emptySite, importFixture, readPost, SOURCE } from './helpers'

// Each source's fixture imported into an empty site, checked as `npm run check` would, and the
// posts, frontmatter, aliases, converted components and report asserted on.

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

async function imported(kind: Parameters<typeof importFixture>[0], download?: Parameters<typeof importFixture>[2]) {
  const dir = emptySite()
  dirs.push(dir)
  const result = await importFixture(kind, dir, download)
  return { dir, result, problems: await check(path.join(dir, 'content')) }
}

const reportLines = (result: ImportResult) => result.report.lines()

describe('import from Hugo', { timeout: 60_000 }, () => {
  it('converts page bundles, single files and all three frontmatter formats, and the check passes', async () => {
    const { dir, result, problems } = await imported('hugo')
    expect(problems).toEqual([])
    expect(result.report.written.map((f) => path.relative(path.join(dir, 'content/posts'), path.resolve(f))).sort()).toEqual([
      'autumn-walk.mdx',
      'first-frost/index.mdx',
      'json-notes.mdx',
    ])
    const frost = readPost(dir, 'first-frost/index.mdx')
    expect(frost).toMatch(/^---\ntitle: First frost on the allotment\ndate: 2023-11-04T08:15:00\+01:00\nupdated: 2023-11-05\n/)
    expect(frost).toContain('summary: The thermometer by the shed read minus two this morning, and the courgettes gave up overnight.')
    expect(frost).toContain('series: Allotment year')
    expect(frost).toContain('cover: ./cover.png')
    // The permalink pattern /:year/:month/:slug/ gives the old address.
    expect(frost).toContain('aliases: [/2023/11/first-frost/]')
    // LoveIt admonitions, open=false folded; figure, video, highlight.
    expect(frost).toContain(
      '<Admonition type="tip" title="Cover the brassicas">\n  A sheet of fleece over the kale keeps off the worst of it.\n  **Weigh the edges down** with bricks.\n</Admonition>',
    )
    expect(frost).toContain('<Admonition type="warning" title="Water pipes" collapsible>')
    expect(frost).toContain('![Rime on a cabbage leaf](./frost.png "Rime — The cabbage at seven in the morning")')
    expect(frost).toContain('<YouTube id="dQw4w9WgXcQ" title="YouTube video" />')
    expect(frost).toContain('```bash {2} showLineNumbers\nfor bed in a b c; do')
    // Images from a sibling bundle and from static/ are copied beside the post.
    expect(frost).toContain('![A heap of leaves](./leaves.webp)')
    expect(frost).toContain('![The plot logo](./logo.png)')
    expect(fs.readdirSync(path.join(dir, 'content/posts/first-frost')).sort()).toEqual([
      'cover.png',
      'frost.png',
      'index.mdx',
      'leaves.webp',
      'logo.png',
    ])
    // ref and relref become links to the new posts.
    expect(frost).toContain('[the autumn walk](/posts/autumn-walk) and [JSON notes](/posts/json-notes)')
  })

  it('escapes braces and < so MDX shows the text the author wrote, and keeps code and escaped shortcodes as they were', async () => {
    const { dir } = await imported('hugo')
    const frost = readPost(dir, 'first-frost/index.mdx')
    expect(frost).toContain('If 3 \\< 5 then a frost of \\{minus two\\} is mild, and my shell loop `for {tryNewDistro()}` stays in code,')
    expect(frost).toContain('while in prose for \\{tryNewDistro()\\} stays text too.')
    expect(frost).toContain('Press <kbd>Ctrl</kbd> and squint')
    expect(frost).toContain('To show a shortcode, write {{< figure src="x.png" >}} in your post.')
  })

  it('keeps TOML and JSON frontmatter fields, LoveIt tables, aliases and url', async () => {
    const { dir } = await imported('hugo')
    const walk = readPost(dir, 'autumn-walk.mdx')
    expect(walk).toContain('toc: false\ncomments: false\naliases: [/2023/10/an-autumn-walk-for-leaf-mould/, /walks/leaf-mould/]')
    expect(walk).toContain('<Vimeo id="76979871" title="Vimeo video" />')
    expect(walk).toContain('[Gist: gardener/5b1c2d3e](https://gist.github.com/gardener/5b1c2d3e)')
    expect(walk).toContain(
      '<details>\n  <summary>The route</summary>\n\n  Along the canal, past the lock, back through the allotments.\n</details>',
    )
    const json = readPost(dir, 'json-notes.mdx')
    expect(json).toContain('categories: [Meta]')
    expect(json).toContain('aliases: [/notes/json/]')
    // The heading's old id {#survivors} is followed to the id Inkwell gives it.
    expect(json).toContain('[survivors section](/posts/first-frost#what-survived)')
    expect(json).toContain('[about page](https://old.example.org/about/)')
  })

  it('reports each thing it kept as-is or left out, at its file and line', async () => {
    const { dir, result } = await imported('hugo')
    const lines = reportLines(result)
    expect(lines).toEqual(
      expect.arrayContaining([
        'content/about.md:1 left out: a page, not a post (posts come from content/posts/)',
        'content/posts/first-frost/index.md:10 frontmatter weight: 3 left out: Inkwell has no such field',
        'content/posts/first-frost/index.md:50 unknown shortcode "tweet" kept as text (it has no Inkwell equivalent; rewrite or remove it)',
        'content/posts/autumn-walk/index.md:28 <div> wrappers left out (their style styled the old site); their content is kept',
        'content/posts/json-notes.md:12 link to "/about/" leads to no imported post: it points at the old site, https://old.example.org/about/',
      ]),
    )
    expect(lines.some((l) => l.startsWith('content/posts/autumn-walk/index.md:22 gist'))).toBe(true)
    expect(readPost(dir, 'first-frost/index.mdx')).toContain('`{{< tweet user="gardener" id="1234567890" >}}`')
    const file = fs.readFileSync(path.join(dir, 'import-report.md'), 'utf8')
    expect(file).toContain('# Import from hugo')
    expect(file).toContain('- content/about.md:1 left out: a page, not a post')
  })
})

describe('import from Zola', { timeout: 60_000 }, () => {
  it('reads [taxonomies], [extra], dates in file names, @/ links and Zola shortcodes, and the check passes', async () => {
    const { dir, result, problems } = await imported('zola')
    expect(problems).toEqual([])
    const tides = readPost(dir, 'spring-tides.mdx')
    expect(tides).toMatch(/^---\ntitle: Spring tides are not about spring\ndate: 2024-02-10\nupdated: 2024-02-12\n/)
    expect(tides).toContain('summary: Why the biggest tides come with the new and full moon.')
    expect(tides).toContain(
      'categories: [Explainers]\ntags: [moon, tides]\ntoc: false\naliases: [/blog/spring-tides/, /2024/spring-tides.html]',
    )
    expect(tides).toContain('[the harbour lights post](/posts/harbour-lights#at-night)')
    expect(tides).toContain('<YouTube id="lXn2mQ5ZV0A" title="YouTube video" />')
    expect(tides).toContain('<Admonition type="tip" title="Reading a tide table">')
    expect(tides).toContain('`{{ chart(data="tides.csv") }}`')
    expect(tides).toContain('you write \\{\\{ youtube(id="x") \\}\\} in the text')
    expect(tides).not.toContain('more')
    const lights = readPost(dir, 'harbour-lights/index.mdx')
    expect(lights).toContain('aliases: [/lights/harbour/]')
    expect(lights).toContain('![Two lights above the quay](./lights.png)')
    expect(lights).toContain('<Admonition type="warning">')
    expect(reportLines(result)).toEqual(
      expect.arrayContaining([
        'content/about.md:1 left out: a page of the site, not a post (posts come from sections sorted by date: content/blog/)',
        'content/blog/2024-02-10-spring-tides.md:13 [extra] mood left out: Inkwell has no such field',
        'content/blog/2024-02-10-spring-tides.md:33 unknown shortcode "chart" kept as text (it has no Inkwell equivalent; rewrite or remove it)',
      ]),
    )
  })
})

describe('import from Jekyll', { timeout: 60_000 }, () => {
  it('reads _posts and _drafts, permalink styles, redirect_from and Liquid, and the check passes', async () => {
    const { dir, result, problems } = await imported('jekyll')
    expect(problems).toEqual([])
    const out = readPost(dir, 'vienna-to-venice/index.mdx')
    expect(out).toMatch(/^---\ntitle: Vienna to Venice by sleeper\ndate: 2022-05-07T21:40:00\+02:00\n/)
    // permalink: pretty, with the categories; redirect_from kept.
    expect(out).toContain(
      'categories: [travel, trains]\ntags: [sleeper, italy]\naliases: [/travel/trains/2022/05/07/vienna-to-venice/, /old/venice.html]',
    )
    expect(out).toContain('```ruby showLineNumbers\ndef wake_up(at:)')
    expect(out).toContain('In Liquid you would write \\{\\{ page.title \\}\\} to print the title.')
    expect(out).toContain('[return trip](/posts/venice-back) too, and the [first day](#the-cabin)')
    expect(out).toContain('<YouTube id="aqz-KE-bpKQ" title="YouTube video" />')
    expect(out).toContain('![Bunks folded for the day](./bunks.png)')
    expect(out).not.toMatch(/TOC|\{:|Remember to add/)
    const back = readPost(dir, 'venice-back.mdx')
    expect(back).toContain('tags: [sleeper, return]\naliases: [/trips/venice-back/]')
    expect(back).toContain('<abbr title="Rail Replacement Bus">RRB</abbr>')
    expect(back).toContain('[the outbound trip](/posts/vienna-to-venice)')
    // A post that needs no component is written as plain Markdown.
    expect(readPost(dir, 'night-train-tips.md')).toContain('draft: true')
    expect(reportLines(result)).toEqual(
      expect.arrayContaining([
        '_posts/2022-05-07-vienna-to-venice.md:19 Liquid {{ page.window_cm }} kept as text: Inkwell posts have no template variables',
        '_posts/2022-05-07-vienna-to-venice.md:42 unknown shortcode "include gallery.html" kept as text (it has no Inkwell equivalent; rewrite or remove it)',
        'index.md:1 left out: a page of the site, not a post (posts come from _posts/ and _drafts/)',
      ]),
    )
    expect(reportLines(result).filter((l) => l.includes('{:toc}'))).toHaveLength(1)
  })
})

describe('import from WordPress', { timeout: 120_000 }, () => {
  it('imports published posts, drafts as drafts, authors and Gutenberg blocks, and the check passes', async () => {
    const { dir, result, problems } = await imported('wordpress')
    expect(problems).toEqual([])
    const tiles = readPost(dir, 'glaze-test-tiles.mdx')
    expect(tiles).toMatch(/^---\ntitle: Glaze test tiles\ndate: 2021-03-13T10:30:00\+01:00\nupdated: 2021-03-20T18:00:00\+01:00\n/)
    expect(tiles).toContain('author: hanne\ncategories: [Glazes]\ntags: [celadon, test tiles]\naliases: [/2021/03/glaze-test-tiles/]')
    expect(tiles).not.toMatch(/wp:|<!--/)
    expect(tiles).toContain('<YouTube id="kJQP7kiw5Fk" title="YouTube video" />')
    expect(tiles).toContain('```\nif (temp > 1220) { holdFor(15) }\n```')
    expect(tiles).toContain('[mixing day](/posts/mixing-day). A tile costs \\$2 to fire, and \\{braces\\} stay text.')
    // The attachment could not be downloaded: a remote figure with the size WordPress gave it.
    expect(tiles).toMatch(
      /<Figure\n\s+src="https:\/\/pottery.example.net\/wp-content\/uploads\/2021\/03\/tiles-1024x683.jpg"\n\s+alt="Twelve glazed tiles in a row"\n\s+width="1024"\n\s+height="683"\n\s+caption="Cone 6, oxidation"\n\/>/,
    )
    const mixing = readPost(dir, 'mixing-day.mdx')
    expect(mixing).toContain(
      'summary: How we weigh and sieve a batch of glaze.\nauthor: pieter\ncategories: [Glazes, Studio]\ncomments: false',
    )
    expect(mixing).toContain('Wear a mask: silica dust is not your friend.\\\nSieve twice.')
    expect(mixing).toContain('```python\nratio = feldspar / (silica + whiting)\nif ratio < 1: print("runny")\n```')
    expect(readPost(dir, 'firing-schedule-unfinished.md')).toContain('draft: true')
    expect(fs.readFileSync(path.join(dir, 'content/authors/hanne.yaml'), 'utf8')).toBe('name: Hanne Vos\n')
    expect(fs.readFileSync(path.join(dir, 'content/authors/pieter.yaml'), 'utf8')).toBe('name: Pieter K.\n')
    expect(reportLines(result)).toEqual(
      expect.arrayContaining([
        'export.xml:14 remote image https://pottery.example.net/wp-content/uploads/2021/03/tiles-1024x683.jpg could not be downloaded (ENOTFOUND): kept as a remote image of 1024×683',
        'export.xml:20 1 comment of "Glaze test tiles" left out: spam',
        'export.xml:20 1 comment of "Glaze test tiles" left out: pingbacks',
        'export.xml:57 WordPress shortcode [gallery] kept as text: Inkwell has no equivalent (rewrite it in Markdown, or remove it)',
        'export.xml:189 page "About the studio" left out: Inkwell imports posts (write it as an MDX page in app/, as app/about/page.mdx is)',
      ]),
    )
  })

  it('stores the approved comments threaded, with their dates and the author badge, once however often it runs', async () => {
    const { dir } = await imported('wordpress')
    await importFixture('wordpress', dir)
    const database = await openDatabase({ dataDir: path.join(dir, 'data') })
    try {
      const rows = await exportComments(database.db)
      expect(rows.map((r) => [r.name, r.body, r.createdAt.toISOString(), r.isAuthor, r.status])).toEqual([
        ['Joris', 'Which celadon is the _third_ one from the left?\n\nLovely blues.', '2021-03-14T11:00:00.000Z', false, 'approved'],
        ['Hanne Vos', 'That is the one with a pinch of rutile.', '2021-03-14T12:10:00.000Z', true, 'approved'],
        ['Joris', 'Thanks! Trying it next week.', '2021-03-14T14:45:00.000Z', false, 'approved'],
      ])
      expect(rows.map((r) => r.post)).toEqual(['glaze-test-tiles', 'glaze-test-tiles', 'glaze-test-tiles'])
      expect(rows[1]!.parentId).toBe(rows[0]!.id)
      expect(rows[2]!.parentId).toBe(rows[1]!.id)
      expect(rows[0]!.website).toBe('https://joris.example.com/')
    } finally {
      await database.close()
    }
  })

  it('downloads remote images when they can be fetched, and writes nothing on --dry-run', async () => {
    const png = fs.readFileSync(path.join(SOURCE.hugo, 'static/images/logo.png'))
    const { dir, problems } = await imported('wordpress', async (url) =>
      url.endsWith('tiles-1024x683.jpg') ? new Uint8Array(png) : 'ECONNREFUSED',
    )
    expect(problems).toEqual([])
    expect(fs.existsSync(path.join(dir, 'content/posts/glaze-test-tiles/tiles-1024x683.jpg'))).toBe(true)
    expect(readPost(dir, 'glaze-test-tiles/index.mdx')).toContain(
      '![Twelve glazed tiles in a row](./tiles-1024x683.jpg "Cone 6, oxidation")',
    )

    const dry = emptySite()
    dirs.push(dry)
    const result = await runImport('wordpress', SOURCE.wordpress, {
      out: path.join(dry, 'content/posts'),
      dryRun: true,
      download: async () => 'offline',
      database: { dataDir: path.join(dry, 'data') },
    })
    expect(result.report.written).toHaveLength(3)
    expect(fs.readdirSync(path.join(dry, 'content'))).toEqual(['site.yaml'])
    expect(fs.existsSync(path.join(dry, 'data'))).toBe(false)
  })
})

describe('admonition types', () => {
  it('take the other names themes use', async () => {
    const { admonitionType } = await import('@/lib/import/nodes')
    expect(['caution', 'summary', 'error', 'hint', 'tip', 'bogus'].map(admonitionType)).toEqual([
      'warning',
      'abstract',
      'danger',
      'tip',
      'tip',
      undefined,
    ])
  })
})
