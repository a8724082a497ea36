import { afterEach, describe, expect, it, vi } from 'vitest'

import { excerptParts, loadPagefind } from '@/components/search/pagefind'

// Pagefind's browser script is written into the build after next build; here it is stood in for.
const pagefind = vi.hoisted(() => ({ options: vi.fn<(o: object) => Promise<void>>(), debouncedSearch: vi.fn() }))
vi.mock('/pagefind/pagefind.js', () => pagefind)

afterEach(() => {
  vi.clearAllMocks()
})

describe('excerptParts', () => {
  it('splits an excerpt into plain text and marked words', () => {
    expect(excerptParts('The <mark>feed</mark> is valid <mark>XML</mark>.')).toEqual([
      { text: 'The ', mark: false },
      { text: 'feed', mark: true },
      { text: ' is valid ', mark: false },
      { text: 'XML', mark: true },
      { text: '.', mark: false },
    ])
  })

  it('decodes the entities Pagefind escapes text with, and nothing more', () => {
    expect(excerptParts('a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#x27; &amp;lt; &nbsp;')).toEqual([
      { text: 'a <b> & "c" \'d\' &lt; &nbsp;', mark: false },
    ])
    expect(excerptParts('<mark>R&amp;D</mark>')).toEqual([{ text: 'R&D', mark: true }])
  })

  it('is empty for an empty excerpt', () => {
    expect(excerptParts('')).toEqual([])
  })
})

describe('loadPagefind', () => {
  it('loads Pagefind once, with short excerpts, and retries after a failed load', async () => {
    pagefind.options.mockRejectedValueOnce(new Error('no index')).mockResolvedValue(undefined)
    await expect(loadPagefind()).rejects.toThrow('no index')
    const loaded = await loadPagefind()
    expect(loaded.debouncedSearch).toBe(pagefind.debouncedSearch)
    expect(await loadPagefind()).toBe(loaded)
    expect(pagefind.options.mock.calls).toEqual([[{ excerptLength: 24 }], [{ excerptLength: 24 }]])
  })
})
