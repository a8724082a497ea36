import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContentError, loadContent } from '@/lib/content'
import { inspectContent } from '@/lib/content/load'
import { CHART_PNG, FIXTURES, NOW, SITE_YAML, load, post, rejection, tempSite } from './helpers'

const GOOD = path.join(FIXTURES, 'good')
const good = (options: { includeDrafts?: boolean; now?: Date; siteUrl?: string } = {}) => load(GOOD, options)

describe('loadContent: the good fixture site', () => {
  it('loads both layouts, newest first, with previous/next links between neighbours', async () => {
    const content = await good()
    expect(content.posts.map((p) => [p.slug, p.url, path.relative(GOOD, p.file), p.date.toISOString()])).toEqual([
      ['with-images', '/posts/with-images', 'posts/with-images/index.mdx', '2025-04-09T22:00:00.000Z'],
      ['flat', '/posts/flat', 'posts/flat.mdx', '2025-03-21T13:48:21.000Z'],
      ['headings', '/posts/headings', 'posts/headings.mdx', '2025-03-20T23:00:00.000Z'],
      ['long-summary', '/posts/long-summary', 'posts/long-summary.mdx', '2025-01-14T23:00:00.000Z'],
    ])
    expect(content.posts.map((p) => [p.slug, p.next?.slug, p.previous?.slug])).toEqual([
      ['with-images', undefined, 'flat'],
      ['flat', 'with-images', 'headings'],
      ['headings', 'flat', 'long-summary'],
      ['long-summary', 'headings', undefined],
    ])
    expect(content.bySlug.get('flat')?.previous).toEqual({ slug: 'headings', title: 'Headings', url: '/posts/headings' })
    expect([...content.bySlug.keys()].sort()).toEqual(['flat', 'headings', 'long-summary', 'with-images'])
    expect(content.posts.every((p) => p.unpublished === undefined)).toBe(true)
  })

  it('reads the size of a co-located cover and images from the files, served under the post URL', async () => {
    const post = (await good()).bySlug.get('with-images')!
    const dir = path.join(GOOD, 'posts/with-images')
    expect(post.cover).toEqual({ file: path.join(dir, 'cover.png'), url: '/posts/with-images/cover.png', width: 20, height: 10 })
    expect(post.assets).toEqual([
      { file: path.join(dir, 'chart.png'), url: '/posts/with-images/chart.png', width: 64, height: 48 },
      { file: path.join(dir, 'cover.png'), url: '/posts/with-images/cover.png', width: 20, height: 10 },
    ])
  })

  it('takes the summary from the first paragraph as plain text, and keeps a summary the author wrote', async () => {
    const content = await good()
    // Markdown removed, the line break inside the paragraph collapsed.
    expect(content.bySlug.get('flat')!.summary).toBe('The first paragraph, with bold text and a link to the launch.')
    expect(content.bySlug.get('with-images')!.summary).toBe('Images, components and code.')
  })

  it('cuts a long first paragraph at a word boundary, drops the dangling punctuation and adds an ellipsis', async () => {
    const summary = (await good()).bySlug.get('long-summary')!.summary
    expect(summary).toBe(
      'This first paragraph is deliberately longer than the two hundred and forty characters that a summary may have, so the loader has to cut it at a word boundary, drop the punctuation the cut leaves at the end, and add an ellipsis…',
    )
    expect(summary.length).toBeLessThanOrEqual(241)
  })

  it('lists h2 and h3 headings with clean, unique ids: emoji dropped, repeats numbered', async () => {
    const post = (await good()).bySlug.get('headings')!
    expect(post.headings).toEqual([
      { depth: 2, text: '🚀 Launch', id: 'launch' },
      { depth: 2, text: 'Setup', id: 'setup' },
      { depth: 3, text: 'Setup', id: 'setup-1' },
      { depth: 2, text: 'Setup', id: 'setup-2' },
    ])
  })

  it('accepts categories written as a single string', async () => {
    const content = await good()
    expect(content.bySlug.get('flat')!.categories).toEqual(['Notes'])
    expect(content.categories.map((t) => [t.name, t.slug, t.posts.map((p) => p.slug)])).toEqual([['Notes', 'notes', ['with-images', 'flat']]])
  })

  it('keeps an unknown frontmatter key in extra and warns with a did-you-mean, without failing the load', async () => {
    const content = await good()
    expect(content.bySlug.get('flat')!.extra).toEqual({ catgories: ['Typo'] })
    expect(content.warnings).toEqual([
      {
        severity: 'warning',
        file: path.join(GOOD, 'posts/flat.mdx'),
        line: 7,
        column: 1,
        message: 'unknown frontmatter field "catgories" (did you mean "categories"?)',
      },
    ])
  })

  it('finds authors by id in authors/, takes any other value as a plain name, and falls back to the site author', async () => {
    const content = await good()
    const bas = { id: 'bas', name: 'Bas de Vries', bio: 'Writes about operations.', links: [{ label: 'Mastodon', href: 'https://social.example.org/@bas' }] }
    expect(content.defaultAuthor).toEqual(bas)
    expect(content.bySlug.get('flat')!.author).toEqual({ id: 'ada', name: 'Ada Lovelace', links: [] })
    expect(content.bySlug.get('with-images')!.author).toEqual({ name: 'Grace Hopper', links: [] })
    expect(content.bySlug.get('headings')!.author).toEqual(bas)
  })

  it('trims the trailing slash of the site URL, and lets the siteUrl option (SITE_URL) override it', async () => {
    expect((await good()).site.url).toBe('https://blog.example.org')
    expect((await good({ siteUrl: 'https://preview.example.net/' })).site.url).toBe('https://preview.example.net')
    expect((await good({ siteUrl: 'https://preview.example.net/blog//' })).site.url).toBe('https://preview.example.net/blog')
  })

  it('also works with a root given relative to the working directory', async () => {
    // Nothing in LoadOptions asks for an absolute root, and Post.file promises an absolute path:
    // a relative root must load the same posts and images as the absolute one.
    const relative = path.relative(process.cwd(), GOOD)
    const content = await loadContent({ root: relative, includeDrafts: false, now: NOW })
    expect(content.bySlug.get('with-images')!.cover?.width).toBe(20)
    expect(path.isAbsolute(content.bySlug.get('flat')!.file)).toBe(true)
  })
})

describe('loadContent: drafts and scheduled posts', () => {
  it('leaves drafts and future posts out of every list when drafts are not included', async () => {
    const content = await good()
    expect(content.bySlug.has('draft')).toBe(false)
    expect(content.bySlug.has('scheduled')).toBe(false)
    expect(content.posts.map((p) => p.slug)).not.toContain('draft')
    // Their categories and tags must not leak into the taxonomy pages either.
    expect(content.categories.map((t) => t.name)).toEqual(['Notes'])
    expect(content.tags.map((t) => [t.name, t.posts.length])).toEqual([['css', 1]])
    expect(content.archive.flatMap((y) => y.posts.map((p) => p.slug))).toEqual(['with-images', 'flat', 'headings', 'long-summary'])
    expect(content.posts[0]!.next).toBeUndefined()
  })

  it('includes them, marked draft or scheduled, in dev and previews', async () => {
    const content = await good({ includeDrafts: true })
    expect(content.posts.map((p) => [p.slug, p.unpublished])).toEqual([
      ['scheduled', 'scheduled'],
      ['draft', 'draft'],
      ['with-images', undefined],
      ['flat', undefined],
      ['headings', undefined],
      ['long-summary', undefined],
    ])
    expect(content.bySlug.get('draft')!.unpublished).toBe('draft')
    expect(content.bySlug.get('with-images')!.next).toEqual({ slug: 'draft', title: 'Still a draft', url: '/posts/draft' })
  })

  it('lets `now` decide what is future: a post is published from its own instant on', async () => {
    const at = new Date('2025-07-01T07:00:00Z') // scheduled.mdx: 2025-07-01T09:00:00+02:00
    expect((await good({ now: new Date(at.getTime() - 1) })).bySlug.has('scheduled')).toBe(false)
    const published = await good({ now: at })
    expect(published.bySlug.get('scheduled')?.unpublished).toBeUndefined()
    expect(published.posts[0]!.slug).toBe('scheduled')
    // A draft stays a draft whatever the date.
    expect((await good({ now: new Date('2030-01-01') })).bySlug.has('draft')).toBe(false)
  })

  it('marks a draft dated in the future as a draft, not as scheduled', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['date: 2030-01-01', 'draft: true'], 'Text.') })
    expect((await load(root, { includeDrafts: true })).bySlug.get('a')!.unpublished).toBe('draft')
  })
})

describe('loadContent: derived fields', () => {
  it('counts words (headings and code included) and rounds reading time at 230 words a minute, at least 1', async () => {
    const root = tempSite({
      'posts/short.mdx': post(['title: Short'], 'Two words.'),
      'posts/long.mdx': post(['title: Long'], `## Four word heading here\n\n${'word '.repeat(800)}\n\n\`\`\`js\nlet a = 1\n\`\`\``),
    })
    const content = await load(root)
    expect(content.bySlug.get('short')!.words).toBe(2)
    expect(content.bySlug.get('short')!.readingMinutes).toBe(1)
    expect(content.bySlug.get('long')!.words).toBe(808)
    expect(content.bySlug.get('long')!.readingMinutes).toBe(4) // 808 / 230 = 3.5
  })

  it('orders posts of the same instant by slug, so the order does not depend on the disk', async () => {
    const root = tempSite({
      'posts/b.mdx': post(['title: B'], 'B.'),
      'posts/a.mdx': post(['title: A'], 'A.'),
      'posts/c.mdx': post(['title: C', 'date: 2025-01-02'], 'C.'),
    })
    expect((await load(root)).posts.map((p) => p.slug)).toEqual(['c', 'a', 'b'])
  })
})

describe('loadContent: several errors at once', () => {
  it('reports every error of every file in one ContentError, sorted by file and line, paths relative to the working directory', async () => {
    const error = await loadContent({ root: path.join(FIXTURES, 'many-errors'), includeDrafts: false, now: NOW }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    const dir = 'tests/fixtures/unit/many-errors'
    expect((error as ContentError).message).toBe(
      [
        `${dir}/authors/someone.yaml:2:1 unknown author field "homepage" (known fields: name, bio, avatar, links, email, showEmail)`,
        `${dir}/posts/a.mdx:8:5 link to /posts/nope: no such post (posts are at /posts/<file or folder name>)`,
        `${dir}/posts/b.mdx:1:1 title is missing (write title: "Velocity Berlin 2019, part 2")`,
        `${dir}/posts/b.mdx:8:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)`,
        `${dir}/posts/b.mdx:10:1 <Admonition> type="tipp" is not one of note, abstract, info, tip, success, question, warning, failure, danger, bug, example, quote (did you mean "tip"?)`,
        `${dir}/posts/c/index.mdx:4:8 draft should be true or false, not string "yes" (write draft: true)`,
        `${dir}/posts/c/index.mdx:7:1 image "./gone.png" not found (check the path; it is relative to the post file)`,
      ].join('\n'),
    )
    // The warning is kept with the problems, in file order, but is not part of the error text.
    expect((error as ContentError).problems.filter((p) => p.severity === 'warning').map((p) => [path.relative(process.cwd(), p.file), p.line, p.column])).toEqual([
      [`${dir}/posts/b.mdx`, 3, 1],
    ])
    // The report is the message; no stack trace into the loader follows it.
    expect((error as ContentError).stack).toBe((error as ContentError).message)
  })

  it('reports only the broken post itself, not "no such post" for links to it', async () => {
    const root = tempSite({
      'posts/a.mdx': '---\ndate: 2025-01-01\n---\n\nA.\n',
      'posts/b.mdx': post(['title: B'], 'See [a](/posts/a).'),
    })
    expect(await rejection(root)).toEqual(['posts/a.mdx:1:1 title is missing (write title: "Velocity Berlin 2019, part 2")'])
  })
})

describe('loadContent: rejected files and slugs', () => {
  it('rejects two posts with the same slug, x.mdx and x/index.mdx', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'One.'), 'posts/a/index.mdx': post([], 'Two.') })
    expect(await rejection(root)).toEqual([
      `posts/a/index.mdx:1:1 slug "a" is already used by ${path.relative(process.cwd(), path.join(root, 'posts/a.mdx'))} (rename one of them; each post needs its own URL)`,
    ])
  })

  it('rejects a file name that is not a URL slug, suggesting one', async () => {
    const root = tempSite({ 'posts/My Post.mdx': post([], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/My Post.mdx:1:1 "My Post" cannot be a URL slug (rename the file to "my-post": lowercase letters, digits, hyphens and underscores)'])
  })

  it('rejects a folder name that is not a URL slug', async () => {
    const root = tempSite({ 'posts/Hello World/index.mdx': post([], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/Hello World/index.mdx:1:1 "Hello World" cannot be a URL slug (rename the folder to "hello-world": lowercase letters, digits, hyphens and underscores)',
    ])
  })

  it('rejects a Markdown file whose extension is not .md, instead of skipping it', async () => {
    const root = tempSite({ 'posts/a.markdown': post([], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.markdown:1:1 posts are .md or .mdx files (rename a.markdown to a.md)'])
  })

  it('warns about a folder without index.mdx or index.md, and skips folders starting with _', async () => {
    const root = tempSite({ 'posts/images/chart.png': CHART_PNG, 'posts/_drafts/index.mdx': 'not even frontmatter', 'posts/a.mdx': post([], 'A.') })
    const content = await load(root)
    expect(content.posts.map((p) => p.slug)).toEqual(['a'])
    expect(content.warnings.map((p) => `${path.relative(root, p.file)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'posts/images:1:1 folder has no index.mdx or index.md, so it is not a post (add one, or start the name with _ to keep it aside)',
    ])
  })
})

describe('loadContent: links between posts', () => {
  it('rejects a link to a post that does not exist', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'Text.\n\nSee [this](/posts/nope).') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:8:5 link to /posts/nope: no such post (posts are at /posts/<file or folder name>)'])
  })

  it('rejects a link from a published post to a draft, which would 404 in production', async () => {
    const root = tempSite({
      'posts/a.mdx': post([], 'See [the draft](/posts/secret).'),
      'posts/secret.mdx': post(['draft: true'], 'Secret.'),
    })
    expect(await rejection(root)).toEqual(['posts/a.mdx:6:5 link to /posts/secret points at a post that is not published (publish secret first, or remove the link)'])
    // In dev the draft is part of the build, so the same link is fine.
    expect((await load(root, { includeDrafts: true })).posts.map((p) => p.slug)).toEqual(['a', 'secret'])
  })

  it('rejects a link to an #anchor that is not a heading of the target post, suggesting the closest', async () => {
    const root = tempSite({
      'posts/a.mdx': post([], 'See [setup](/posts/b#set-up) and [here](#intro).\n\n## Intro'),
      'posts/b.mdx': post([], '## Setup\n\n## 🚀 Launch'),
    })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:6:5 link to /posts/b#set-up: no heading with id "set-up" in that post (did you mean #setup? headings there: setup, launch)',
    ])
  })
})

describe('loadContent: site config', () => {
  it('rejects a time zone that is not an IANA name, at the value', async () => {
    const root = tempSite({}, `${SITE_YAML}timeZone: Europe/Amsterdm\n`)
    expect(await rejection(root)).toEqual([
      'site.yaml:5:11 timeZone "Europe/Amsterdm" is not a known time zone (use an IANA name such as Europe/Amsterdam or UTC)',
    ])
  })

  it('rejects an unknown key in site.yaml (an error there, unlike in a post), with a did-you-mean', async () => {
    const root = tempSite({}, `${SITE_YAML}postsPerPgae: 5\n`)
    expect(await rejection(root)).toEqual(['site.yaml:5:1 unknown site config field "postsPerPgae" (did you mean "postsPerPage"?)'])
  })

  it('rejects a site URL without a scheme', async () => {
    const root = tempSite({}, 'title: T\ndescription: D\nurl: blog.example.org\nauthor: A\n')
    expect(await rejection(root)).toEqual(['site.yaml:3:6 url string "blog.example.org" is not in the expected form (write url: https://blog.example.com)'])
  })

  it('rejects a missing site.yaml', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'A.') }, null)
    expect(await rejection(root)).toEqual(['site.yaml:1:1 site config is missing (create it with title, description, url and author)'])
  })
})

describe('inspectContent (npm run check)', () => {
  it('keeps the posts without errors while reporting the broken ones', async () => {
    const root = tempSite({ 'posts/ok.mdx': post([], 'Fine.'), 'posts/bad.mdx': post([], '<Nope />') })
    const { content, problems } = await inspectContent({ root, includeDrafts: false, now: NOW })
    expect(content?.posts.map((p) => p.slug)).toEqual(['ok'])
    expect(problems.map((p) => [path.relative(root, p.file), p.line, p.severity])).toEqual([['posts/bad.mdx', 6, 'error']])
  })
})
