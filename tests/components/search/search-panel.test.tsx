// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { PagefindResultData } from '@/components/search/pagefind'
import { SearchPanel } from '@/components/search/search-panel'

// Pagefind's browser script (written into the build after next build) is stood in for; the panel,
// its loader and the excerpt parsing are the real ones.
type Search = { results: { data(): Promise<PagefindResultData> }[] } | null
const pagefind = vi.hoisted(() => ({
  options: vi.fn(async () => {}),
  debouncedSearch: vi.fn<(query: string, options?: object, timeout?: number) => Promise<Search>>(),
}))
vi.mock('/pagefind/pagefind.js', () => pagefind)

const result = (n: number, fields: Partial<PagefindResultData> = {}): PagefindResultData => ({
  url: `/posts/p${n}`,
  excerpt: `Excerpt ${n} about <mark>feeds</mark>.`,
  meta: { title: `Post ${n}` },
  ...fields,
})

/** Pagefind answering every query with `results`. */
function answer(results: PagefindResultData[]) {
  const data = results.map((r) => ({ data: vi.fn(async () => r) }))
  pagefind.debouncedSearch.mockImplementation(async () => ({ results: data }))
  return data
}

beforeEach(() => {
  pagefind.debouncedSearch.mockReset()
  history.replaceState(null, '', '/')
})

afterEach(cleanup)

const input = () => screen.getByRole('searchbox', { name: 'Search posts' })
const status = () => screen.getByRole('status').textContent
const results = () =>
  screen.queryAllByRole('listitem').map((li) => {
    const link = within(li).getByRole('link')
    return [link.getAttribute('href'), link.querySelector('.search-result-title')?.textContent]
  })

async function type(text: string) {
  await act(async () => {
    fireEvent.change(input(), { target: { value: text } })
  })
}

describe('SearchPanel', () => {
  it('is a named search box in a search landmark, focused, described by the status line', () => {
    render(<SearchPanel />)
    const box = input()
    expect(within(screen.getByRole('search')).getByRole('searchbox')).toBe(box)
    expect(document.activeElement).toBe(box)
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByRole('status').id)
    expect(status()).toBe('')
    expect(pagefind.debouncedSearch).not.toHaveBeenCalled()
  })

  it('searches as the reader types and lists the results with their excerpts, matched words marked', async () => {
    answer([result(1), result(2, { excerpt: 'Plain &amp; simple &lt;b&gt; <mark>feeds</mark>' })])
    render(<SearchPanel />)
    await type('  feeds ')
    expect(pagefind.debouncedSearch).toHaveBeenLastCalledWith('feeds', {}, 150)
    expect(status()).toBe('2 posts found.')
    expect(results()).toEqual([
      ['/posts/p1', 'Post 1'],
      ['/posts/p2', 'Post 2'],
    ])
    const excerpt = screen.getAllByRole('listitem')[1]!.querySelector('.search-result-excerpt')!
    // Pagefind's escaped text stays text: the only element in an excerpt is <mark>.
    expect(excerpt.innerHTML).toBe('Plain &amp; simple &lt;b&gt; <mark>feeds</mark>')
  })

  it('says "Searching…" until the answer arrives', async () => {
    let resolve!: (search: Search) => void
    pagefind.debouncedSearch.mockReturnValue(new Promise((r) => (resolve = r)))
    render(<SearchPanel />)
    await type('feeds')
    expect(status()).toBe('Searching…')
    await act(async () => resolve({ results: [{ data: async () => result(1) }] }))
    expect(status()).toBe('1 post found.')
  })

  it('says so when nothing is found', async () => {
    answer([])
    render(<SearchPanel />)
    await type('zzz')
    expect(status()).toBe('No posts found for “zzz”.')
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('shows the first ten of many results, and loads only those', async () => {
    const data = answer(Array.from({ length: 12 }, (_, i) => result(i + 1)))
    render(<SearchPanel />)
    await type('feeds')
    expect(status()).toBe('12 posts found, showing the first 10.')
    expect(results()).toHaveLength(10)
    expect(data.map((d) => d.data.mock.calls.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0])
  })

  it('names a result without a title by its URL', async () => {
    answer([result(1, { meta: {} })])
    render(<SearchPanel />)
    await type('feeds')
    expect(results()).toEqual([['/posts/p1', '/posts/p1']])
  })

  it('keeps the last results while the next search runs, and never shows a stale answer', async () => {
    const pending: Record<string, (search: Search) => void> = {}
    pagefind.debouncedSearch.mockImplementation((q) => new Promise((r) => (pending[q] = r)))
    render(<SearchPanel />)
    await type('fe')
    await type('feeds')
    await act(async () => pending.feeds!({ results: [{ data: async () => result(1) }] }))
    expect(results()).toEqual([['/posts/p1', 'Post 1']])
    // The answer for "fe" comes last: it is dropped.
    await act(async () => pending.fe!({ results: [{ data: async () => result(2) }, { data: async () => result(3) }] }))
    expect(status()).toBe('1 post found.')
    expect(results()).toEqual([['/posts/p1', 'Post 1']])
    await type('feeds xml')
    expect(results()).toEqual([['/posts/p1', 'Post 1']])
  })

  it('ignores a search that Pagefind superseded (null)', async () => {
    pagefind.debouncedSearch.mockResolvedValue(null)
    render(<SearchPanel />)
    await type('feeds')
    expect(status()).toBe('Searching…')
  })

  it('clears results and status when the box is emptied', async () => {
    answer([result(1)])
    render(<SearchPanel />)
    await type('feeds')
    await type('   ')
    expect(status()).toBe('')
    expect(screen.queryByRole('list')).toBeNull()
  })

  it('says search is unavailable when there is no index', async () => {
    pagefind.debouncedSearch.mockRejectedValue(new Error('404'))
    render(<SearchPanel />)
    await type('feeds')
    expect(status()).toBe('Search is not available: the index is built by npm run build.')
  })

  it('calls onNavigate when a result is followed', async () => {
    answer([result(1)])
    const onNavigate = vi.fn()
    render(<SearchPanel onNavigate={onNavigate} />)
    await type('feeds')
    // jsdom cannot follow the link; the click is what matters.
    document.addEventListener('click', (event) => event.preventDefault(), { once: true })
    fireEvent.click(screen.getByRole('link', { name: /Post 1/ }))
    expect(onNavigate).toHaveBeenCalledOnce()
  })

  describe('on the /search page (inUrl)', () => {
    it('starts from ?q= and searches for it', async () => {
      answer([result(1)])
      history.replaceState(null, '', '/search?q=time%20zones')
      await act(async () => {
        render(<SearchPanel inUrl />)
      })
      expect((input() as HTMLInputElement).value).toBe('time zones')
      expect(pagefind.debouncedSearch).toHaveBeenCalledWith('time zones', {}, 150)
      expect(status()).toBe('1 post found.')
    })

    it('keeps the query in the address as the reader types', async () => {
      answer([])
      render(<SearchPanel inUrl />)
      await type('R&D notes')
      expect(location.pathname + location.search).toBe('/?q=R%26D%20notes')
      await type('')
      expect(location.search).toBe('')
    })

    it('leaves the address alone elsewhere', async () => {
      answer([])
      history.replaceState(null, '', '/posts/a?q=old')
      render(<SearchPanel />)
      expect((input() as HTMLInputElement).value).toBe('')
      await type('feeds')
      expect(location.search).toBe('?q=old')
    })
  })
})
