'use client'

import { useSyncExternalStore } from 'react'

import { StrokeIcon } from './stroke-icon'

// The theme is the class on <html> (set by the theme script before paint, changed by the toggle):
// the toggle follows it rather than keeping a copy.
const onThemeChange = (notify: () => void) => {
  const observer = new MutationObserver(notify)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}
const isDark = () => document.documentElement.classList.contains('dark')
// Unknown on the server.
const unknown = () => undefined

/** Switches between light and dark and remembers the choice. */
export function ThemeToggle() {
  const dark = useSyncExternalStore(onThemeChange, isDark, unknown)

  const toggle = () => {
    const next = !document.documentElement.classList.contains('dark')
    document.documentElement.classList.toggle('dark', next)
    document.documentElement.style.colorScheme = next ? 'dark' : 'light'
    try {
      localStorage.setItem('theme', next ? 'dark' : 'light')
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  return (
    <button
      type="button"
      onClick={toggle}
      aria-pressed={dark}
      aria-label="Dark theme"
      title="Toggle dark theme"
      className="inline-flex size-9 items-center justify-center rounded-md text-[var(--muted)] hover:bg-[var(--surface)] hover:text-[var(--fg)]"
    >
      {/* Both icons are rendered; CSS shows the one for the current theme, so nothing flashes. */}
      <StrokeIcon className="size-5 dark:hidden">
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
      </StrokeIcon>
      <StrokeIcon className="hidden size-5 dark:block">
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </StrokeIcon>
    </button>
  )
}
