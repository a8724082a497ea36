'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

const INTERVAL_MS = 300

/**
 * next dev only: Next watches code, not content/. This polls a hash of the content folder and
 * re-renders the page from the server when a post, image or config file changes.
 */
export function ContentReloader() {
  const router = useRouter()
  useEffect(() => {
    let last: string | undefined
    let stopped = false
    const poll = async () => {
      try {
        const { version } = (await (await fetch('/inkwell/content-version', { cache: 'no-store' })).json()) as { version: string }
        if (last && version !== last) router.refresh()
        last = version
      } catch {
        // The dev server is restarting; try again on the next tick.
      }
      if (!stopped) setTimeout(poll, INTERVAL_MS)
    }
    void poll()
    return () => {
      stopped = true
    }
  }, [router])
  return null
}
