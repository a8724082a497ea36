// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { useBrowserValue } from '@/components/hydration'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function Where() {
  return <p>{useBrowserValue(() => `in ${window.location.pathname}`, 'on the server')}</p>
}

describe('useBrowserValue', () => {
  it('is the server value in the server’s HTML', () => {
    expect(renderToString(<Where />)).toBe('<p>on the server</p>')
  })

  it('is the browser’s value in a page rendered in the browser', () => {
    const { container } = render(<Where />)
    expect(container.textContent).toBe('in /')
  })

  it('hydrates the server HTML without a mismatch, then shows the browser’s value', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const container = document.createElement('div')
    container.innerHTML = renderToString(<Where />)
    document.body.append(container)
    const recoverable = vi.fn()
    const root = await act(async () => hydrateRoot(container, <Where />, { onRecoverableError: recoverable }))
    expect(container.textContent).toBe('in /')
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    act(() => root.unmount())
    container.remove()
  })
})
