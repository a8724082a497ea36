// Next calls register() once when a server process starts, in each runtime it runs.
export async function register() {
  // The comment database lives in the Node.js runtime only (and never in the Edge one).
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NODE_ENV === 'development') (await import('./lib/content/dev-context')).captureLoadContext()
  const { closeDatabaseOnShutdown } = await import('./lib/comments/shutdown')
  closeDatabaseOnShutdown()
}
