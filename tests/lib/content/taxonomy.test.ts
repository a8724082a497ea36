import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inspectContent, loadContent } from '@/lib/content/load'
import { buildSeries, buildTerms, groupByYear, relatedPosts, type Indexed, type IndexProblem } from '@/lib/content/taxonomy'

type P = Indexed
const post = (slug: string, date: string, extra: Partial<P> = {}): P => ({
  slug,
  title: slug,
  url: `/posts/${slug}`,
  date: new Date(date),
  categories: [],
  tags: [],
  ...extra,
})

describe('buildTerms', () => {
  it('merges names differing in case or spacing under the most common spelling', () => {
    const posts = [
      post('a', '2025-03-01', { categories: ['Career'] }),
      post('b', '2025-02-01', { categories: ['career '] }),
      post('c', '2025-01-01', { categories: ['Career', '  Open   Source '] }),
    ]
    const problems: IndexProblem<P>[] = []
    const terms = buildTerms(posts, 'categories', (p) => problems.push(p))
    expect(terms.map((t) => [t.name, t.slug, t.posts.map((p) => p.slug)])).toEqual([
      ['Career', 'career', ['a', 'b', 'c']],
      ['Open Source', 'open-source', ['c']],
    ])
    expect(posts[1]!.categories).toEqual(['Career'])
    expect(problems).toEqual([])
  })

  it('reports two different names that make the same URL', () => {
    const posts = [post('a', '2025-03-01', { tags: ['C++'] }), post('b', '2025-02-01', { tags: ['C'] })]
    const problems: IndexProblem<P>[] = []
    const terms = buildTerms(posts, 'tags', (p) => problems.push(p))
    expect(terms.map((t) => [t.name, t.posts.length])).toEqual([['C++', 2]])
    expect(problems.map((p) => [p.post.slug, p.field, p.index, p.message])).toEqual([
      ['b', 'tags', 0, 'tag "C" has the same URL (/tags/c) as "C++" (use one spelling for both, or rename one)'],
    ])
  })
})

describe('buildSeries', () => {
  it('orders by seriesPart, then by date for parts without one, and takes the common spelling', () => {
    const posts = [
      post('late', '2025-05-01', { series: 'Trip' }),
      post('two', '2025-01-01', { series: 'trip', seriesPart: 2 }),
      post('one', '2025-03-01', { series: 'Trip', seriesPart: 1 }),
      post('early', '2025-04-01', { series: 'Trip' }),
    ]
    const [series] = buildSeries(posts, () => expect.unreachable())
    expect(series!.name).toBe('Trip')
    expect(series!.posts.map((p) => p.slug)).toEqual(['one', 'two', 'early', 'late'])
    expect([series!.first.toISOString(), series!.last.toISOString()]).toEqual(['2025-01-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'])
  })

  it('reports duplicate part numbers, gaps and a series not starting at 1', () => {
    const problems: string[] = []
    buildSeries(
      [
        post('a', '2025-01-01', { series: 'S', seriesPart: 1 }),
        post('b', '2025-01-02', { series: 'S', seriesPart: 1 }),
        post('c', '2025-01-03', { series: 'S', seriesPart: 3 }),
        post('x', '2025-01-03', { series: 'T', seriesPart: 2 }),
      ],
      (p) => problems.push(`${p.post.slug} ${p.message}`),
    )
    expect(problems).toEqual([
      'b seriesPart 1 of "S" is also claimed by a (give each part its own number)',
      'c "S" jumps from part 1 (b) to part 3 (number the parts 1, 2, 3, … without gaps)',
      'x "T" starts at part 2 (number the first part 1)',
    ])
  })
})

describe('groupByYear', () => {
  it('groups by the calendar year in the site time zone, newest first', () => {
    const posts = [post('eve', '2024-12-31T23:30:00Z'), post('mid', '2024-06-01T12:00:00Z'), post('new', '2025-02-01T00:00:00Z')]
    expect(groupByYear(posts, 'Europe/Amsterdam').map((g) => [g.year, g.posts.map((p) => p.slug)])).toEqual([
      [2025, ['new', 'eve']],
      [2024, ['mid']],
    ])
    expect(groupByYear(posts, 'America/New_York').map((g) => [g.year, g.posts.map((p) => p.slug)])).toEqual([
      [2025, ['new']],
      [2024, ['eve', 'mid']],
    ])
  })
})

describe('relatedPosts', () => {
  it('ranks by shared tags and categories, newest first on ties, at most three, never itself', () => {
    const me = post('me', '2025-01-01', { categories: ['Ops'], tags: ['sre', 'k8s', 'go'] })
    const posts = [
      me,
      post('three', '2024-01-01', { categories: ['Ops'], tags: ['sre', 'k8s'] }),
      post('one-old', '2023-01-01', { tags: ['go'] }),
      post('one-new', '2024-06-01', { tags: ['k8s'] }),
      post('two', '2022-01-01', { tags: ['sre', 'go'] }),
      post('none', '2025-06-01', { tags: ['css'] }),
    ]
    expect(relatedPosts(posts).get(me)!.map((p) => p.slug)).toEqual(['three', 'two', 'one-new'])
    expect(relatedPosts(posts).get(posts[5]!)).toEqual([])
    // Leaving out what `exclude` names (the post's own series) lets the next best in.
    expect(relatedPosts(posts, 3, (_, other) => other.slug === 'three').get(me)!.map((p) => p.slug)).toEqual(['two', 'one-new', 'one-old'])
  })
})

describe('series and taxonomy in a loaded site', () => {
  let root: string
  const write = (name: string, fm: string) => fs.writeFileSync(path.join(root, 'posts', name), `---\n${fm}\n---\n\nText.\n`)
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-tax-'))
    fs.mkdirSync(path.join(root, 'posts'))
    fs.writeFileSync(path.join(root, 'site.yaml'), 'title: T\ndescription: D\nurl: https://example.org\nauthor: A\n')
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it('numbers parts among published posts, and a draft part is no gap', async () => {
    write('p1.mdx', 'title: P1\ndate: 2025-01-01\nseries: Trip\nseriesPart: 1\ntags: [a, b]')
    write('p2.mdx', 'title: P2\ndate: 2025-01-02\nseries: Trip\nseriesPart: 2\ndraft: true\ntags: [a, b]')
    write('p3.mdx', 'title: P3\ndate: 2025-01-03\nseries: Trip\nseriesPart: 3\ntags: [a]')
    write('aside.mdx', 'title: Aside\ndate: 2025-01-02\ntags: [a]')
    const content = await loadContent({ root, includeDrafts: false, now: new Date('2026-01-01') })
    const p3 = content.bySlug.get('p3')!
    expect(p3.seriesInfo).toMatchObject({ name: 'Trip', slug: 'trip', part: 2, total: 2 })
    expect(p3.seriesInfo!.parts.map((p) => p.slug)).toEqual(['p1', 'p3'])
    expect(content.tags.map((t) => [t.slug, t.posts.length])).toEqual([['a', 3], ['b', 1]])
    // The series box lists the parts: related posts leave them out, and previous/next follow the series.
    expect(p3.related.map((p) => p.slug)).toEqual(['aside'])
    expect(p3.previous?.slug).toBe('p1')
    expect(content.bySlug.get('p1')!.next?.slug).toBe('p3')
    expect(content.bySlug.get('aside')!.related.map((p) => p.slug)).toEqual(['p3', 'p1'])
    expect(content.bySlug.get('aside')!.previous?.slug).toBe('p1')
  })

  it('reports a duplicate part at the seriesPart line of the post', async () => {
    write('p1.mdx', 'title: P1\ndate: 2025-01-01\nseries: Trip\nseriesPart: 1')
    write('p2.mdx', 'title: P2\ndate: 2025-01-02\nseries: Trip\nseriesPart: 1')
    const { problems } = await inspectContent({ root, includeDrafts: false, now: new Date('2026-01-01') })
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'p2.mdx:5:13 seriesPart 1 of "Trip" is also claimed by p1 (give each part its own number)',
    ])
  })
})
