import { and, eq } from 'drizzle-orm'

import type { Db } from './db'
import { forget } from './read-cache'
import { first } from './rows'
import { comments } from './schema'

/** A comment brought from another blog engine, threaded by that engine's ids. */
export interface ImportedComment {
  /** The comment's id in the source, which replies refer to. */
  sourceId: string
  sourceParentId?: string
  post: string
  name: string
  website?: string | null
  /** Markdown. */
  body: string
  createdAt: Date
  isAuthor: boolean
}

/**
 * Stores approved comments from an import, parents before replies, keeping their dates. A comment
 * already stored (same post, name, body and time: an import run twice) is not stored again, but
 * replies still thread under it. Returns how many were stored and how many were there already.
 */
export async function importComments(db: Db, list: ImportedComment[]): Promise<{ stored: number; existing: number }> {
  const ids = new Map<string, number>()
  let stored = 0
  let existing = 0
  const pending = [...list].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
  await db.transaction(async (tx) => {
    // Parents first: a reply waits until the comment it answers has its new id.
    while (pending.length) {
      const index = pending.findIndex(
        (c) => !c.sourceParentId || ids.has(c.sourceParentId) || !list.some((p) => p.sourceId === c.sourceParentId),
      )
      const [c] = pending.splice(Math.max(index, 0), 1)
      if (!c) break
      const parentId = c.sourceParentId ? (ids.get(c.sourceParentId) ?? null) : null
      const [found] = await tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.post, c.post), eq(comments.name, c.name), eq(comments.body, c.body), eq(comments.createdAt, c.createdAt)))
        .limit(1)
      if (found) {
        ids.set(c.sourceId, found.id)
        existing++
        continue
      }
      const row = await tx
        .insert(comments)
        .values({
          post: c.post,
          parentId,
          name: c.name,
          website: c.website || null,
          body: c.body,
          status: 'approved',
          isAuthor: c.isAuthor,
          createdAt: c.createdAt,
        })
        .returning({ id: comments.id })
        .then(first)
      ids.set(c.sourceId, row.id)
      stored++
    }
  })
  forget(db)
  return { stored, existing }
}
