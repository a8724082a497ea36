'use client'

import { useRouter } from 'next/navigation'
import { startTransition, useEffect } from 'react'

import { withBasePath } from '@/lib/base-path.mjs'

const INTERVAL_MS = 300

// Error boundaries showing a content error (app/error.tsx, app/global-error.tsx), each with the
// reset that clears it. A refresh alone leaves a boundary on its error, and a reset alone renders
// the old payload again: the two go together, in one transition, as Next's own retry does.
const resets = new Set<() => void>()

/** Clears the calling error boundary (with `reset`) when the content changes, as the page refreshes. */
export function useResetOnContentChange(reset: () => void) {
  useEffect(() => {
    resets.add(reset)
    return () => void resets.delete(reset)
  }, [reset])
}

/**
 * next dev only: Next watches code, not content/. This polls a hash of the content folder and
 * re-renders the page from the server when a post, image or config file changes, clearing an
 * error boundary that shows the error the author has just fixed. `version` is the hash the page
 * was rendered at, so that a save before the first poll is not missed; without it (the root
 * layout failed), the first poll sets it.
 */
export function ContentReloader({ version }: { version?: string }) {
  const router = useRouter()
  useEffect(() => {
    let last = version
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const latest = (
          (await (await fetch(withBasePath('/inkwell/content-version'), { cache: 'no-store' })).json()) as { version: string }
        ).version
        // A refresh re-renders this with the new version, and a new poll starts from it.
        if (stopped) return
        if (last !== undefined && latest !== last) {
          startTransition(() => {
            router.refresh()
            for (const reset of resets) reset()
          })
        }
        last = latest
      } catch {
        // The dev server is restarting; try again on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, INTERVAL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [router, version])
  return null
}
