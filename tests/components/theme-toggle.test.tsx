// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { ThemeToggle } from '@/components/theme-toggle'

const root = document.documentElement

beforeEach(() => {
  root.className = ''
  root.style.colorScheme = ''
  localStorage.clear()
})

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

/** Clicks and lets the MutationObserver that the toggle follows report the class change. */
async function click(button: HTMLElement) {
  await act(async () => {
    fireEvent.click(button)
  })
}

describe('ThemeToggle', () => {
  it('is a toggle button named "Dark theme", not pressed in the light theme', () => {
    render(<ThemeToggle />)
    const button = screen.getByRole('button', { name: 'Dark theme' })
    expect(button.getAttribute('aria-pressed')).toBe('false')
    expect(button.getAttribute('title')).toBe('Toggle dark theme')
  })

  it('is pressed when the page starts dark (the theme script set the class)', () => {
    root.classList.add('dark')
    render(<ThemeToggle />)
    expect(screen.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('leaves the state out of the server HTML, which cannot know the theme', () => {
    expect(renderToStaticMarkup(<ThemeToggle />)).not.toContain('aria-pressed')
  })

  it('switches to dark and back, and remembers each choice', async () => {
    render(<ThemeToggle />)
    const button = screen.getByRole('button', { name: 'Dark theme' })
    await click(button)
    expect(root.classList.contains('dark')).toBe(true)
    expect(root.style.colorScheme).toBe('dark')
    expect(localStorage.getItem('theme')).toBe('dark')
    expect(button.getAttribute('aria-pressed')).toBe('true')
    await click(button)
    expect(root.classList.contains('dark')).toBe(false)
    expect(root.style.colorScheme).toBe('light')
    expect(localStorage.getItem('theme')).toBe('light')
    expect(button.getAttribute('aria-pressed')).toBe('false')
  })

  it('keeps other classes on <html>', async () => {
    root.className = 'js fonts-loaded'
    render(<ThemeToggle />)
    await click(screen.getByRole('button', { name: 'Dark theme' }))
    expect([...root.classList]).toEqual(['js', 'fonts-loaded', 'dark'])
  })

  it('still switches when storage is refused (private mode)', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    render(<ThemeToggle />)
    await click(screen.getByRole('button', { name: 'Dark theme' }))
    expect(root.classList.contains('dark')).toBe(true)
    expect(screen.getByRole('button').getAttribute('aria-pressed')).toBe('true')
  })

  it('follows a theme change made elsewhere (the system setting, through the theme script)', async () => {
    render(<ThemeToggle />)
    await act(async () => {
      root.classList.add('dark')
    })
    expect(screen.getByRole('button').getAttribute('aria-pressed')).toBe('true')
  })
})
