import { describe, expect, it } from 'vitest'

import { authorEntries, authorFor, type Author } from '@/lib/content/authors'

const mira: Author = { id: 'mira', name: 'Mira Janssen', links: [] }
const authors = new Map<string, Author>([
  ['mira', mira],
  ['mira@example.com', mira],
])

describe('authorFor', () => {
  it('finds an author by id, or by an address their file lists (in any case)', () => {
    expect(authorFor(authors, 'mira')).toBe(mira)
    expect(authorFor(authors, 'Mira@Example.com')).toBe(mira)
  })

  it('shows a plain name as it is, and an unknown address as a name made from it, never the address', () => {
    expect(authorFor(authors, 'Grace Hopper')).toEqual({ name: 'Grace Hopper', links: [] })
    const stranger = authorFor(authors, 'jane.van-dyke@blog.example')
    expect(stranger).toEqual({ name: 'Jane Van Dyke', links: [] })
    expect(JSON.stringify(stranger)).not.toContain('@')
  })
})

describe('authorEntries', () => {
  it('gives each author with a file their posts, co-authored ones included, by name', () => {
    const noor: Author = { id: 'noor', name: 'Noor Haddad', links: [] }
    const plain: Author = { name: 'Guest', links: [] }
    const posts = [
      { slug: 'both', authors: [noor, mira] },
      { slug: 'mine', authors: [mira] },
      { slug: 'guest', authors: [plain] },
    ]
    expect(authorEntries(posts).map((e) => [e.slug, e.posts.map((p) => p.slug)])).toEqual([
      ['mira', ['both', 'mine']],
      ['noor', ['both']],
    ])
  })
})
