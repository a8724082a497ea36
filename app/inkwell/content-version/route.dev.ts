import { pollContent } from '@/lib/content'

// next dev only (see pageExtensions in next.config.mjs): a hash of every file under content/,
// polled by components/content-reloader.tsx to refresh the page when the author saves. A change
// starts loading the content at once, before the refresh asks for it.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ version: pollContent() }, { headers: { 'Cache-Control': 'no-store' } })
}
