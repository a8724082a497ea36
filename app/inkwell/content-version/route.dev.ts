import { createHash } from 'node:crypto'

import { contentFingerprint } from '@/lib/content'

// next dev only (see pageExtensions in next.config.mjs): a hash of every file under content/,
// polled by components/content-reloader.tsx to refresh the page when the author saves.
export const dynamic = 'force-dynamic'

export function GET() {
  const version = createHash('sha1').update(contentFingerprint()).digest('hex')
  return Response.json({ version }, { headers: { 'Cache-Control': 'no-store' } })
}
