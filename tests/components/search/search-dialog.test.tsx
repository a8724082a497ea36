// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import SearchDialog from '@/components/search/search-dialog'
import { stubDialog } from './dialog-stub'

const pagefind = vi.hoisted(() => ({ options: vi.fn(async () => {}), debouncedSearch: vi.fn() }))
vi.mock('/pagefind/pagefind.js', () => pagefind)

let dialog: ReturnType<typeof stubDialog>

beforeEach(() => {
  dialog = stubDialog()
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const searchDialog = () => screen.getByRole('dialog', { name: 'Search' }) as HTMLDialogElement

describe('SearchDialog', () => {
  it('opens as a modal dialog named Search, with the search box in it', () => {
    render(<SearchDialog opens={1} />)
    expect(dialog.showModal).toHaveBeenCalledOnce()
    expect(searchDialog().open).toBe(true)
    expect(searchDialog().contains(screen.getByRole('searchbox', { name: 'Search posts' }))).toBe(true)
  })

  it('closes on Escape at once, even from inside the search box', () => {
    render(<SearchDialog opens={1} />)
    const box = screen.getByRole('searchbox')
    fireEvent.change(box, { target: { value: 'feeds' } })
    expect(fireEvent.keyDown(box, { key: 'Enter' })).toBe(true)
    expect(searchDialog().open).toBe(true)
    // Default prevented: the browser would first only clear the search field.
    expect(fireEvent.keyDown(box, { key: 'Escape' })).toBe(false)
    expect(screen.getByRole('dialog', { hidden: true }).hasAttribute('open')).toBe(false)
  })

  it('closes on a click outside its content (the backdrop is the dialog itself), not inside', () => {
    render(<SearchDialog opens={1} />)
    fireEvent.click(screen.getByRole('searchbox'))
    expect(searchDialog().open).toBe(true)
    fireEvent.click(searchDialog())
    expect(screen.getByRole('dialog', { hidden: true }).hasAttribute('open')).toBe(false)
  })

  it('shows itself again on the next open, keeping the last query', () => {
    const { rerender } = render(<SearchDialog opens={1} />)
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'feeds' } })
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Escape' })
    rerender(<SearchDialog opens={2} />)
    expect(dialog.showModal).toHaveBeenCalledTimes(2)
    expect(searchDialog().open).toBe(true)
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('feeds')
  })

  it('does not ask an open dialog to open again (browsers throw)', () => {
    const { rerender } = render(<SearchDialog opens={1} />)
    expect(() => rerender(<SearchDialog opens={2} />)).not.toThrow()
    expect(dialog.showModal).toHaveBeenCalledOnce()
  })

  it('closes when a result is followed', async () => {
    const hit = { url: '/posts/a', excerpt: 'About <mark>feeds</mark>', meta: { title: 'Feeds' } }
    pagefind.debouncedSearch.mockResolvedValue({ results: [{ data: async () => hit }] })
    render(<SearchDialog opens={1} />)
    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'feeds' } })
    })
    // jsdom cannot follow the link; the click is what matters.
    document.addEventListener('click', (event) => event.preventDefault(), { once: true })
    fireEvent.click(screen.getByRole('link', { name: /Feeds/ }))
    expect(dialog.close).toHaveBeenCalled()
    expect(screen.getByRole('dialog', { hidden: true }).hasAttribute('open')).toBe(false)
  })
})
