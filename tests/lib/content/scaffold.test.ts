import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toOffsetDateTime } from '@/lib/content/dates'
import { loadContent } from '@/lib/content/load'
import { createPost } from '@/lib/content/scaffold'

let root: string
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-new-'))
  fs.mkdirSync(path.join(root, 'posts'))
  fs.writeFileSync(
    path.join(root, 'site.yaml'),
    'title: T\ndescription: D\nurl: https://example.org\ntimeZone: Europe/Amsterdam\nauthor: Someone\n',
  )
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('toOffsetDateTime', () => {
  it('writes the wall-clock time of the zone with its offset, across daylight saving', () => {
    expect(toOffsetDateTime(new Date('2026-11-22T13:05:09Z'), 'Europe/Amsterdam')).toBe('2026-11-22T14:05:09+01:00')
    expect(toOffsetDateTime(new Date('2026-07-01T22:30:00Z'), 'Europe/Amsterdam')).toBe('2026-07-02T00:30:00+02:00')
    expect(toOffsetDateTime(new Date('2026-01-15T03:00:00Z'), 'America/St_Johns')).toBe('2026-01-14T23:30:00-03:30')
    expect(toOffsetDateTime(new Date('2026-01-15T03:00:00Z'), 'UTC')).toBe('2026-01-15T03:00:00+00:00')
  })
})

describe('createPost (npm run new)', () => {
  const now = new Date('2026-11-22T13:05:00Z')

  it('writes a draft that the loader accepts, dated now in the site time zone', async () => {
    const file = createPost({ root, title: 'Hello, "World": part 1', category: 'Notes', now })
    expect(path.relative(root, file)).toBe(path.join('posts', 'hello-world-part-1.mdx'))
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '---\ntitle: "Hello, \\"World\\": part 1"\ndate: 2026-11-22T14:05:00+01:00\ncategories: ["Notes"]\ndraft: true\n---\n\nThe first paragraph is the summary in lists and feeds.\n',
    )
    const content = await loadContent({ root, includeDrafts: true, now })
    const post = content.bySlug.get('hello-world-part-1')!
    expect(post.title).toBe('Hello, "World": part 1')
    expect(post.date.toISOString()).toBe('2026-11-22T13:05:00.000Z')
    expect(post.unpublished).toBe('draft')
  })

  it('makes a folder post and continues a series with its own spelling and next part', () => {
    fs.writeFileSync(path.join(root, 'posts', 'one.mdx'), '---\ntitle: One\ndate: 2025-01-01\nseries: Berlin Trip\nseriesPart: 1\n---\n\nx\n')
    fs.writeFileSync(path.join(root, 'posts', 'two.mdx'), '---\ntitle: Two\ndate: 2025-01-02\nseries: berlin trip\nseriesPart: 2\ndraft: true\n---\n\nx\n')
    const file = createPost({ root, title: 'Three', series: 'BERLIN TRIP', folder: true, now })
    expect(path.relative(root, file)).toBe(path.join('posts', 'three', 'index.mdx'))
    const text = fs.readFileSync(file, 'utf8')
    expect(text).toMatch(/\nseries: "(Berlin Trip|berlin trip)"\nseriesPart: 3\n/)
  })

  it('never overwrites, in either layout', () => {
    createPost({ root, title: 'Taken', now })
    expect(() => createPost({ root, title: 'Taken', now })).toThrow(/taken\.mdx already exists/)
    expect(() => createPost({ root, title: 'Taken', folder: true, now })).toThrow(/taken\.mdx already exists/)
    expect(() => createPost({ root, title: '!!!', now })).toThrow('"!!!" gives no URL slug')
  })

  it('writes a plain Markdown draft with --md, and refuses a slug an .mdx post already has', async () => {
    const file = createPost({ root, title: 'Plain', format: 'md', folder: true, now })
    expect(path.relative(root, file)).toBe(path.join('posts', 'plain', 'index.md'))
    expect((await loadContent({ root, includeDrafts: true, now })).bySlug.get('plain')?.file).toBe(file)
    createPost({ root, title: 'Other', now })
    expect(() => createPost({ root, title: 'Other', format: 'md', now })).toThrow(/other\.mdx already exists/)
  })
})
