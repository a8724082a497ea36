import path from 'node:path'
import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ContentError, formatProblem, throwIfBroken, type Content, type Post } from '@/lib/content'
import { reportNewProblems } from '@/lib/content/dev-report'
import { load, post, rejection, tempSite } from './helpers'

// next dev (keepBroken): a post with errors stays in the lists, marked broken, and only its own
// page fails; what the whole site needs (site.yaml, authors) still fails every page.

const dev = (root: string) => load(root, { includeDrafts: true, keepBroken: true })
const problemsOf = (p: Post | undefined, root: string) => (p?.problems ?? []).map((problem) => formatProblem(problem, root))

describe('loadContent with keepBroken (next dev)', () => {
  it('keeps a post that does not compile in every list, marked broken, with its errors; the others load as usual', async () => {
    const root = tempSite({
      'posts/ok.mdx': post(['title: OK', 'date: 2025-01-01', 'categories: [Guides]'], 'Fine.'),
      'posts/bad.mdx': post(['title: Bad', 'date: 2025-02-01', 'categories: [Guides]', 'tags: [mdx]'], 'Text.\n\n<Admonition type="tip">\nNever closed.\n'),
    })
    const content = await dev(root)
    const bad = content.bySlug.get('bad')
    expect(bad).toMatchObject({ title: 'Bad', unpublished: 'broken', url: '/posts/bad' })
    expect(problemsOf(bad, root)).toEqual(['posts/bad.mdx:10:1 Expected a closing tag for `<Admonition>` (close every tag, in the order the tags were opened)'])
    expect(content.posts.map((p) => p.slug)).toEqual(['bad', 'ok'])
    expect(content.categories[0]!.posts.map((p) => p.slug)).toEqual(['bad', 'ok'])
    expect(content.tags.map((t) => t.name)).toEqual(['mdx'])
    expect(content.archive[0]!.posts.map((p) => p.slug)).toEqual(['bad', 'ok'])
    expect(content.bySlug.get('ok')).toMatchObject({ unpublished: undefined })
    // Nothing broken leaves the site: feeds, sitemap and comments use the published lists.
    expect(content.published.posts.map((p) => p.slug)).toEqual(['ok'])
  })

  it('keeps a post whose frontmatter is invalid as a stand-in with the fields that are valid, dated now when its date is not', async () => {
    const root = tempSite({
      'posts/typo.mdx': '---\ntitle: Half done\ndate: next week\ncategories: [Notes]\ndraft: yes\n---\n\nBody.\n',
      'posts/bare.mdx': 'No frontmatter at all.\n',
    })
    const content = await dev(root)
    expect(content.bySlug.get('typo')).toMatchObject({ title: 'Half done', categories: ['Notes'], draft: false, unpublished: 'broken' })
    expect(content.bySlug.get('typo')!.date.toISOString()).toBe('2025-06-01T00:00:00.000Z')
    expect(problemsOf(content.bySlug.get('typo'), root)).toEqual([
      'posts/typo.mdx:3:7 date string "next week" is not in the expected form (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)',
      'posts/typo.mdx:5:8 draft should be true or false, not string "yes" (write draft: true)',
    ])
    expect(content.categories.map((t) => t.name)).toEqual(['Notes'])
    expect(content.bySlug.get('bare')).toMatchObject({ title: 'bare', unpublished: 'broken', code: expect.any(String) })
    expect(problemsOf(content.bySlug.get('bare'), root)).toEqual([
      'posts/bare.mdx:1:1 the post has no frontmatter (start the file with a --- line, then title: and date:, then another --- line)',
    ])
  })

  it('marks a post broken for an error found after loading (a broken link), and a link to a broken post is not one', async () => {
    const root = tempSite({
      'posts/a.mdx': post(['date: 2025-01-01'], 'See [b](/posts/b#setup) and [nothing](/posts/nope).'),
      'posts/b.mdx': post(['date: 2025-01-02'], '## Setup\n\n<Nope />'),
    })
    const content = await dev(root)
    expect(problemsOf(content.bySlug.get('a'), root)).toEqual([
      'posts/a.mdx:6:29 link to /posts/nope: no such post (posts are at /posts/<file or folder name>)',
    ])
    expect(content.bySlug.get('a')!.unpublished).toBe('broken')
    expect(content.bySlug.get('b')!.unpublished).toBe('broken')
  })

  it('gives a duplicate slug to the post that has it, so that URL shows the error', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'One.'), 'posts/a/index.mdx': post([], 'Two.') })
    const content = await dev(root)
    expect(content.posts.map((p) => [p.slug, p.unpublished])).toEqual([['a', 'broken']])
    expect(problemsOf(content.bySlug.get('a'), root)[0]).toMatch(/^posts\/a\/index\.mdx:1:1 slug "a" is already used by /)
  })

  it('still fails the whole load for what every page needs (site.yaml, authors)', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], 'A.') }, 'title: T\ndescription: D\nurl: https://example.org\nauthor: Someone\ntitel: x\n')
    expect(await rejection(root, { includeDrafts: true, keepBroken: true })).toEqual([
      'site.yaml:5:1 unknown site config field "titel" (did you mean "title"?)',
    ])
  })

  it('is off unless asked for: a build fails on the same post', async () => {
    const root = tempSite({ 'posts/ok.mdx': post([], 'Fine.'), 'posts/bad.mdx': post([], '<Nope />') })
    expect(await rejection(root, { includeDrafts: true })).toEqual([
      'posts/bad.mdx:6:1 unknown component <Nope> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
  })
})

describe('problems kept with their post', () => {
  it('hands a post its warnings, in builds too, for the notice next dev shows', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['catgories: [x]'], 'A.'), 'posts/b.mdx': post([], 'B.') })
    const content = await load(root)
    expect(problemsOf(content.bySlug.get('a'), root)).toEqual(['posts/a.mdx:4:1 warning: unknown frontmatter field "catgories" (did you mean "categories"?)'])
    expect(content.bySlug.get('b')!.problems).toBeUndefined()
  })

  it('throws only for a broken post: its errors, one line each, and Node prints the same lines, not an object', async () => {
    const root = tempSite({ 'posts/ok.mdx': post(['catgories: [x]'], 'Fine.'), 'posts/bad.mdx': post([], '{oops\n\n<Nope />') })
    const content = await dev(root)
    expect(() => throwIfBroken(content.bySlug.get('ok')!)).not.toThrow()
    const error = (() => {
      try {
        throwIfBroken(content.bySlug.get('bad')!)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ContentError)
    const lines = (error as ContentError).message.split('\n').map((line) => line.replace(`${path.relative(process.cwd(), root)}/`, ''))
    expect(lines).toEqual([
      'posts/bad.mdx:6:1 this { starts an expression that is never closed (write \\{ to show a brace, or end the expression with })',
      'posts/bad.mdx:8:1 unknown component <Nope> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)',
    ])
    expect(inspect(error)).toBe((error as ContentError).message)
  })
})

describe('reportNewProblems (the next dev terminal)', () => {
  afterEach(() => void vi.restoreAllMocks())

  it('prints each problem once, when it appears, and again only after it was gone', async () => {
    const printed: string[] = []
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void printed.push(line))
    const root = tempSite({ 'posts/a.mdx': post(['catgories: [x]'], 'A.'), 'posts/b.mdx': post([], '<Nope />') })
    const broken = await dev(root)
    const fixed = { ...broken, warnings: [], posts: broken.posts.filter((p) => p.slug !== 'b') } satisfies Content
    for (const content of [broken, broken, fixed, broken]) {
      reportNewProblems(Promise.resolve(content))
      await Promise.resolve()
    }
    const relative = printed.map((line) => line.replace(`${path.relative(process.cwd(), root)}/`, ''))
    const warning = 'posts/a.mdx:4:1 warning: unknown frontmatter field "catgories" (did you mean "categories"?)'
    const error = 'posts/b.mdx:6:1 unknown component <Nope> (available: <Admonition>, <Figure>, <Stats>, <Stat>, <YouTube>, <Vimeo>, <Embed>)'
    expect(relative).toEqual([warning, error, warning, error])
  })
})
