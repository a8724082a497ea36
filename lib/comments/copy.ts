import { sql } from 'drizzle-orm'

import type { Database } from './db'
import { forget } from './read-cache'
import { comments, postSettings, settings } from './schema'

/**
 * Copies every comment, post setting and the server secret from one database to another (say, the
 * embedded one to PostgreSQL), keeping ids so permalinks survive. The target must have no comments.
 * Rate-limit counters are not copied: they expire within the hour anyway.
 */
export async function copyDatabase(from: Database, to: Database): Promise<{ comments: number }> {
  const [existing] = await to.db.select({ n: sql<number>`count(*)::int` }).from(comments)
  if (existing && existing.n > 0) throw new Error(`the target already has ${existing.n} comments: copy into an empty database`)
  const rows = await from.db.select().from(comments).orderBy(comments.id)
  const posts = await from.db.select().from(postSettings)
  const values = await from.db.select().from(settings)
  await to.db.transaction(async (tx) => {
    // In id order, parents come before their replies.
    for (let i = 0; i < rows.length; i += 500) await tx.insert(comments).values(rows.slice(i, i + 500))
    if (posts.length) await tx.insert(postSettings).values(posts).onConflictDoNothing()
    if (values.length)
      await tx
        .insert(settings)
        .values(values)
        .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } })
    // New comments continue after the copied ids.
    if (rows.length) await tx.execute(sql`select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments))`)
  })
  forget(to.db)
  return { comments: rows.length }
}
