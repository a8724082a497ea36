import { describe, expect, it } from 'vitest'
import { splitFrontmatter } from '@/lib/content/frontmatter'
import { load, post, rejection, tempSite } from './helpers'

describe('splitFrontmatter', () => {
  it('blanks the frontmatter lines so that body positions are file positions', () => {
    const split = splitFrontmatter('---\ntitle: T\ndate: 2025-01-01\n---\n\nFirst line of the body\nsecond')
    expect(split).toEqual({ yaml: 'title: T\ndate: 2025-01-01', yamlLine: 2, body: '\n\n\n\n\nFirst line of the body\nsecond' })
    expect(split!.body.split('\n').indexOf('First line of the body') + 1).toBe(6)
  })

  it('accepts a byte order mark, trailing spaces on the fences and a ... end fence', () => {
    expect(splitFrontmatter('\uFEFF--- \ntitle: T\n...\nBody')).toEqual({ yaml: 'title: T', yamlLine: 2, body: '\n\n\nBody' })
  })

  it('finds no frontmatter when the file does not start with --- or the block is never closed', () => {
    expect(splitFrontmatter('Body\n---\ntitle: T\n---\n')).toBeUndefined()
    expect(splitFrontmatter('---\ntitle: T\n\nBody\n')).toBeUndefined()
  })
})

describe('frontmatter accepted', () => {
  it('loads a post saved with Windows line endings (CRLF) like any other', async () => {
    const root = tempSite({ 'posts/a.mdx': '---\r\ntitle: Windows\r\ndate: 2025-01-01\r\n---\r\n\r\nWritten on Windows.\r\n' })
    const a = (await load(root)).bySlug.get('a')
    expect(a?.title).toBe('Windows')
    expect(a?.date.toISOString()).toBe('2025-01-01T00:00:00.000Z')
  })

  it('turns a single category or tag into a list and defaults the optional fields', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['categories: Conferences', 'tags: sre'], 'Text.') })
    const a = (await load(root)).bySlug.get('a')!
    expect([a.categories, a.tags, a.draft, a.toc, a.aliases, a.series, a.seriesPart]).toEqual([['Conferences'], ['sre'], false, true, [], undefined, undefined])
  })

  it('keeps an unknown key as written and names the known fields when no one is close', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['mood: { today: happy }'], 'Text.') })
    const content = await load(root)
    expect(content.bySlug.get('a')!.extra).toEqual({ mood: { today: 'happy' } })
    expect(content.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '4:1 unknown frontmatter field "mood" (known fields: title, date, updated, summary, author, categories, tags, series, seriesPart, draft, toc, cover, aliases, comments)',
    ])
  })
})

describe('frontmatter rejected', () => {
  it('rejects a post without a title', async () => {
    const root = tempSite({ 'posts/a.mdx': '---\ndate: 2025-01-01\n---\n\nText.\n' })
    expect(await rejection(root)).toEqual(['posts/a.mdx:1:1 title is missing (write title: "Velocity Berlin 2019, part 2")'])
  })

  it('rejects an empty title at its line', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['title: "  "'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:2:8 title is empty (write title: "Velocity Berlin 2019, part 2")'])
  })

  it('rejects a post without frontmatter', async () => {
    const root = tempSite({ 'posts/a.mdx': '# Hello\n\nText.\n' })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:1:1 the post has no frontmatter (start the file with a --- line, then title: and date:, then another --- line)',
    ])
  })

  it('rejects invalid YAML at the line and column of the mistake', async () => {
    // A colon inside an unquoted title: the most common YAML mistake in a post.
    const root = tempSite({ 'posts/a.mdx': '---\ndate: 2025-01-01\ntitle: Velocity: part 2\n---\n\nText.\n' })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:3:8 frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings (check indentation, quotes and colons on this line)',
    ])
  })

  it('rejects a key given twice at the second one', async () => {
    const root = tempSite({ 'posts/a.mdx': '---\ntitle: T\ndate: 2025-01-01\ntitle: U\n---\n\nText.\n' })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:4:1 frontmatter is not valid YAML: Map keys must be unique (check indentation, quotes and colons on this line)',
    ])
  })

  it('rejects `draft: yes` (YAML 1.2 reads it as text, not as true)', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['draft: yes'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:4:8 draft should be true or false, not string "yes" (write draft: true)'])
  })

  it('rejects `seriesPart: two`', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['series: Trip', 'seriesPart: two'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:5:13 seriesPart should be a number, not string "two" (write seriesPart: 2)'])
  })

  it('rejects `seriesPart: 0`', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['series: Trip', 'seriesPart: 0'], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:5:13 seriesPart number 0 is invalid: Too small: expected number to be >0 (write seriesPart: 2)',
    ])
  })

  it('rejects `title: 1984` and says to quote it', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['title: 1984'], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:2:8 title should be text (in quotes if it looks like a number or date), not number 1984 (write title: "Velocity Berlin 2019, part 2")',
    ])
  })

  it('rejects a category that is a number, at the list item, saying what is wrong with it', async () => {
    // Today the message says "not a list" about a list, at the list's bracket.
    const root = tempSite({ 'posts/a.mdx': post(['categories: [Notes, 2025]'], 'Text.') })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:4:21 categories.1 should be text (in quotes if it looks like a number or date), not number 2025 (write categories: [Conferences])',
    ])
  })

  it('rejects a single category that is a number', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['categories: 2025'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:4:13 categories should be a name or a list of names, not number 2025 (write categories: [Conferences])'])
  })

  it('rejects an alias that is not a path', async () => {
    const root = tempSite({ 'posts/a.mdx': post(['aliases: ["2019/11/old-post"]'], 'Text.') })
    expect(await rejection(root)).toEqual(['posts/a.mdx:4:11 aliases.0 string "2019/11/old-post" is not in the expected form (write aliases: ["/2019/11/velocity-day-2/"])'])
  })

  it('rejects frontmatter that is not a mapping', async () => {
    const root = tempSite({ 'posts/a.mdx': '---\n- title\n- date\n---\n\nText.\n' })
    expect(await rejection(root)).toEqual(['posts/a.mdx:1:1 frontmatter must be a list of "key: value" lines, not a list (see the README for the fields)'])
  })
})
