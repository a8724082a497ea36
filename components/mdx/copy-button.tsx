'use client'

import { useEffect, useState } from 'react'

import { useBrowserValue } from '../hydration'

/**
 * Copies the code of the code block it sits in. Invisible (but holding its place) until it
 * works, so a page without JavaScript shows no dead button.
 */
export function CopyButton() {
  // False in the server's HTML, true once hydrated: the button shows only when it can work.
  const ready = useBrowserValue(() => true, false)
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])

  const copy = async (button: HTMLButtonElement) => {
    // textContent, not innerText: line numbers are CSS counters, and lines are grid items whose
    // newlines innerText would drop.
    const pre = button.closest('figure')?.querySelector('pre')
    if (!pre) return
    try {
      await navigator.clipboard.writeText((pre.textContent ?? '').replace(/\n$/, ''))
      setCopied(true)
    } catch {
      // No async clipboard (a page served over plain http): copy the selected code instead.
      const selection = getSelection()
      selection?.selectAllChildren(pre)
      if (document.execCommand('copy')) setCopied(true)
      selection?.removeAllRanges()
    }
  }

  return (
    <>
      <button
        type="button"
        className="code-copy"
        data-ready={ready || undefined}
        onClick={(event) => void copy(event.currentTarget)}
        aria-label={copied ? 'Copied' : 'Copy code'}
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      <span role="status" className="sr-only">
        {copied ? 'Copied to the clipboard' : ''}
      </span>
    </>
  )
}
