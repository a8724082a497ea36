import { contentVersion } from '@/lib/content'

// next dev only (see pageExtensions in next.config.mjs): a hash of every file under content/,
// polled by components/content-reloader.tsx to refresh the page when the author saves.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ version: contentVersion() }, { headers: { 'Cache-Control': 'no-store' } })
}
