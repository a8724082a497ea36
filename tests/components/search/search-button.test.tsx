// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { SearchButton } from '@/components/search/search-button'
import { stubDialog } from './dialog-stub'

let dialog: ReturnType<typeof stubDialog>

// Loaded up front, so that a dialog opened by mistake appears at once and the tests that expect
// none can tell.
beforeAll(() => import('@/components/search/search-dialog'))

beforeEach(() => {
  dialog = stubDialog()
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

const link = () => screen.getByRole('link', { name: 'Search' })
/** The dialog once it has loaded (it is imported on first open). */
const opened = async () => (await screen.findByRole('dialog', { name: 'Search' })) as HTMLDialogElement
/** Lets a lazy import that was (wrongly) started finish, before checking that nothing opened. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)))

async function press(init: KeyboardEventInit, target: Element = document.body) {
  let notPrevented = true
  await act(async () => {
    notPrevented = fireEvent.keyDown(target, init)
  })
  return notPrevented
}

describe('SearchButton', () => {
  it('is a link to the search page, with its shortcuts announced', () => {
    render(<SearchButton />)
    expect(link().getAttribute('href')).toBe('/search')
    expect(link().getAttribute('aria-keyshortcuts')).toBe('/ Control+K')
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull()
  })

  it('opens the search dialog in place on a click', async () => {
    render(<SearchButton />)
    let notPrevented = true
    await act(async () => {
      notPrevented = fireEvent.click(link())
    })
    expect(notPrevented).toBe(false)
    expect((await opened()).open).toBe(true)
    expect(screen.getByRole('searchbox', { name: 'Search posts' })).toBeTruthy()
  })

  it.each([
    ['Ctrl', { ctrlKey: true }],
    ['⌘', { metaKey: true }],
    ['Shift', { shiftKey: true }],
    ['the middle button', { button: 1 }],
  ])('leaves a %s-click to the browser (a new tab or window of /search)', async (_, init) => {
    render(<SearchButton />)
    // A document listener keeps jsdom from trying to follow the link.
    let prevented: boolean | undefined
    document.addEventListener('click', (event) => ((prevented = event.defaultPrevented), event.preventDefault()), { once: true })
    fireEvent.click(link(), init)
    expect(prevented).toBe(false)
    await settle()
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull()
  })

  it('opens on "/"', async () => {
    render(<SearchButton />)
    expect(await press({ key: '/' })).toBe(false)
    expect((await opened()).open).toBe(true)
  })

  it.each([
    ['Ctrl-K', { key: 'k', ctrlKey: true }],
    ['⌘K', { key: 'k', metaKey: true }],
    ['Ctrl-Shift-K', { key: 'K', ctrlKey: true, shiftKey: true }],
  ])('opens on %s, even while typing in a field', async (_, init) => {
    render(
      <>
        <input aria-label="Other field" />
        <SearchButton />
      </>,
    )
    expect(await press(init, screen.getByRole('textbox', { name: 'Other field' }))).toBe(false)
    expect((await opened()).open).toBe(true)
  })

  it.each([
    ['an input', <input key="i" data-testid="field" />],
    ['a textarea', <textarea key="t" data-testid="field" />],
    ['an editable element', <div key="e" data-testid="field" contentEditable suppressContentEditableWarning />],
  ])('leaves "/" alone while the reader types in %s', async (_, field) => {
    render(
      <>
        {field}
        <SearchButton />
      </>,
    )
    expect(await press({ key: '/' }, screen.getByTestId('field'))).toBe(true)
    await settle()
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull()
  })

  it.each([
    ['Ctrl-/', { key: '/', ctrlKey: true }],
    ['Alt-/', { key: '/', altKey: true }],
    ['Ctrl-Alt-K', { key: 'k', ctrlKey: true, altKey: true }],
    ['a plain k', { key: 'k' }],
  ])('does not open on %s', async (_, init) => {
    render(<SearchButton />)
    expect(await press(init)).toBe(true)
    await settle()
    expect(screen.queryByRole('dialog', { hidden: true })).toBeNull()
  })

  it('opens the same dialog again after it was closed', async () => {
    render(<SearchButton />)
    await press({ key: '/' })
    const first = await opened()
    fireEvent.keyDown(first, { key: 'Escape' })
    expect(first.open).toBe(false)
    await press({ key: 'k', ctrlKey: true })
    expect(first.open).toBe(true)
    expect(screen.getAllByRole('dialog')).toEqual([first])
    expect(dialog.showModal).toHaveBeenCalledTimes(2)
  })

  it('stops listening for shortcuts when it goes away', async () => {
    const { unmount } = render(<SearchButton />)
    unmount()
    expect(await press({ key: '/' })).toBe(true)
  })
})
