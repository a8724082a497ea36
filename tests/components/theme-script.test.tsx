// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { ThemeScript } from '@/components/theme-script'

const root = document.documentElement

/** A stand-in for the browser's prefers-color-scheme query (jsdom has no matchMedia), which the test can flip. */
function systemTheme(dark: boolean) {
  const listeners: ((event: { matches: boolean }) => void)[] = []
  const query = { matches: dark, addEventListener: (_: 'change', listener: (typeof listeners)[number]) => listeners.push(listener) }
  vi.stubGlobal(
    'matchMedia',
    vi.fn((media: string) => (media === '(prefers-color-scheme: dark)' ? query : { matches: false, addEventListener() {} })),
  )
  return {
    change(to: boolean) {
      query.matches = to
      for (const listener of listeners) listener({ matches: to })
    },
  }
}

/** Runs the script as the browser gets it: the text inside the server-rendered <script>. */
function runScript() {
  const html = renderToStaticMarkup(<ThemeScript />)
  const code = /^<script>([\s\S]*)<\/script>$/.exec(html)?.[1]
  expect(code).toBeDefined()
  new Function(code!)()
}

const theme = () => [root.classList.contains('dark') ? 'dark' : 'light', root.style.colorScheme]

beforeEach(() => {
  root.className = ''
  root.style.colorScheme = ''
  localStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('ThemeScript', () => {
  it('follows the system setting when the reader has not chosen', () => {
    systemTheme(true)
    runScript()
    expect(theme()).toEqual(['dark', 'dark'])
  })

  it('lets a stored choice win over the system setting, either way', () => {
    systemTheme(true)
    localStorage.setItem('theme', 'light')
    runScript()
    expect(theme()).toEqual(['light', 'light'])
    systemTheme(false)
    localStorage.setItem('theme', 'dark')
    runScript()
    expect(theme()).toEqual(['dark', 'dark'])
  })

  it('follows the system setting live until the reader picks a theme', () => {
    const system = systemTheme(false)
    runScript()
    expect(theme()).toEqual(['light', 'light'])
    system.change(true)
    expect(theme()).toEqual(['dark', 'dark'])
    // The reader picks light with the toggle; the system going dark again changes nothing.
    localStorage.setItem('theme', 'light')
    root.classList.remove('dark')
    system.change(false)
    system.change(true)
    expect(root.classList.contains('dark')).toBe(false)
  })

  it('falls back to the system setting when storage cannot be read', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('Access is denied.', 'SecurityError')
    })
    const system = systemTheme(true)
    expect(runScript).not.toThrow()
    expect(theme()).toEqual(['dark', 'dark'])
    system.change(false)
    expect(theme()).toEqual(['light', 'light'])
  })
})
