// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { CopyButton } from '@/components/mdx/copy-button'

// Only the browser's clipboard is stubbed: jsdom has neither navigator.clipboard nor execCommand.
const writeText = vi.fn<(text: string) => Promise<void>>()

function stubClipboard(clipboard: { writeText: typeof writeText } | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true })
}

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined)
  stubClipboard({ writeText })
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  Reflect.deleteProperty(navigator, 'clipboard')
  Reflect.deleteProperty(document, 'execCommand')
})

/** A highlighted block: one element per line, with the newlines between them, and a final newline. */
function Block() {
  return (
    <figure>
      <CopyButton />
      <pre>
        <code>
          <span data-line="">{'const a = 1'}</span>
          {'\n'}
          <span data-line="">{'  return a < 2'}</span>
          {'\n'}
        </code>
      </pre>
    </figure>
  )
}

/** Clicks the button and lets the clipboard's promise settle. */
async function click(button: HTMLElement) {
  await act(async () => {
    fireEvent.click(button)
  })
}

describe('CopyButton', () => {
  it('is in the page but not shown until JavaScript runs (no dead button without it)', () => {
    expect(renderToStaticMarkup(<CopyButton />)).toMatch(/^<button type="button" class="code-copy" aria-label="Copy code">Copy<\/button>/)
    render(<CopyButton />)
    expect(screen.getByRole('button', { name: 'Copy code' }).dataset.ready).toBe('true')
  })

  it('copies the code of its block, lines joined by newlines, without the final newline', async () => {
    render(<Block />)
    await click(screen.getByRole('button', { name: 'Copy code' }))
    expect(writeText).toHaveBeenCalledExactlyOnceWith('const a = 1\n  return a < 2')
  })

  it('says it copied, to the eye and to screen readers, then goes back after two seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    render(<Block />)
    expect(screen.getByRole('status').textContent).toBe('')
    await click(screen.getByRole('button', { name: 'Copy code' }))
    const button = screen.getByRole('button', { name: 'Copied' })
    expect(button.textContent).toBe('Copied')
    expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard')
    act(() => vi.advanceTimersByTime(1999))
    expect(button.textContent).toBe('Copied')
    act(() => vi.advanceTimersByTime(1))
    expect(button.textContent).toBe('Copy')
    expect(button.getAttribute('aria-label')).toBe('Copy code')
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it.each([
    ['no async clipboard (plain http)', () => stubClipboard(undefined)],
    ['the clipboard refuses', () => writeText.mockRejectedValue(new DOMException('Denied', 'NotAllowedError'))],
  ])('with %s: selects the code and copies the selection instead', async (_, setUp) => {
    setUp()
    const selected: string[] = []
    const execCommand = vi.fn((command: string) => {
      selected.push(`${command}: ${getSelection()?.toString()}`)
      return true
    })
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    render(<Block />)
    await click(screen.getByRole('button', { name: 'Copy code' }))
    expect(selected).toEqual(['copy: const a = 1\n  return a < 2\n'])
    expect(getSelection()?.rangeCount).toBe(0)
    expect(screen.getByRole('button').textContent).toBe('Copied')
  })

  it('does not claim to have copied when the fallback fails too', async () => {
    stubClipboard(undefined)
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true })
    render(<Block />)
    await click(screen.getByRole('button', { name: 'Copy code' }))
    expect(screen.getByRole('button').textContent).toBe('Copy')
    expect(screen.getByRole('status').textContent).toBe('')
  })

  it('does nothing outside a code block', async () => {
    render(<CopyButton />)
    await click(screen.getByRole('button', { name: 'Copy code' }))
    expect(writeText).not.toHaveBeenCalled()
    expect(screen.getByRole('button').textContent).toBe('Copy')
  })
})
