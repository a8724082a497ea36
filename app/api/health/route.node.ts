import { getDatabase, ping } from '@/lib/comments'

// For load balancers: 200 when the comment database answers, 503 when it does not.
export const dynamic = 'force-dynamic'

export async function GET() {
  try {
    const database = await getDatabase()
    await ping(database)
    return Response.json({ ok: true, database: database.engine }, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    return Response.json(
      { ok: false, error: error instanceof Error ? error.message : String(error) },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    )
  }
}
