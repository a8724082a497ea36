import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * A value read from the browser once the page is hydrated (`server` in the server's HTML and
 * during hydration), without setting state in an effect.
 */
export function useBrowserValue<T>(read: () => T, server: T): T {
  return useSyncExternalStore(noSubscription, read, () => server)
}
