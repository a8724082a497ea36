import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'

import type { Db } from './db'
import { commentLimit, countEvent, limitLeft } from './limits'
import { countLinks, renderComment } from './markdown'
import { cachedRead, forget, ownsWrites } from './read-cache'
import { first } from './rows'
import { FORM_AGE, LIMITS } from './rules'
import { comments, postSettings, type CommentStatus } from './schema'
import { sign, unsign } from './secrets'

/** Moderation policy (site.yaml `comments.moderation`): which new comments wait for the author. */
export type Moderation = 'all' | 'first-time' | 'none'

export { FORM_AGE, LIMITS }

export type CommentRow = typeof comments.$inferSelect

/** A comment as readers see it: its Markdown already rendered and sanitized. */
export interface PublicComment {
  id: number
  parentId: number | null
  name: string
  website: string | null
  html: string
  createdAt: string
  isAuthor: boolean
  status: CommentStatus
}

/** The reader-facing form of a stored comment. */
export function toPublic(row: CommentRow): PublicComment {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    website: row.website,
    html: renderComment(row.body),
    createdAt: row.createdAt.toISOString(),
    isAuthor: row.isAuthor,
    status: row.status,
  }
}

/** A signed timestamp for a comment form: proves when the form was handed out. */
export function formToken(secret: string, now = new Date()): string {
  return sign(secret, 'form', String(now.getTime()))
}

/** What a reader sends. */
export interface CommentInput {
  post: string
  parentId?: number | null
  name: string
  website?: string | null
  body: string
  /** The honeypot: a field people never see, so never fill. */
  trap?: string | null
  token?: string | null
}

export type SubmitResult =
  | { ok: true; comment: CommentRow }
  | { ok: false; status: 400 | 403 | 404 | 409 | 429; message: string; field?: 'name' | 'website' | 'body' }

export interface SubmitContext {
  secret: string
  /** Keyed hash of the client address (see clientKey). */
  client: string
  moderation: Moderation
  now?: Date
}

const fail = (status: 400 | 403 | 404 | 409 | 429, message: string, field?: 'name' | 'website' | 'body'): SubmitResult => ({
  ok: false,
  status,
  message,
  field,
})

/** Normalises and checks a website: an http(s) URL, or nothing. Returns an error message on failure. */
function cleanWebsite(text: string | null | undefined): { value: string | null } | { error: string } {
  const value = (text ?? '').trim()
  if (!value) return { value: null }
  if (value.length > LIMITS.website) return { error: `The website address is too long (at most ${LIMITS.website} characters).` }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: 'The website must be an http:// or https:// address.' }
    return { value: url.href }
  } catch {
    return { error: 'The website is not a web address (write it like https://example.com).' }
  }
}

/** Checks, rate-limits and stores a reader's comment; the status follows the moderation policy. */
export async function submitComment(db: Db, input: CommentInput, ctx: SubmitContext): Promise<SubmitResult> {
  const now = ctx.now ?? new Date()
  if (input.trap) return fail(400, 'This comment was not saved: it looks automated.')
  const issued = Number(unsign(ctx.secret, 'form', input.token))
  if (!issued) return fail(400, 'This form is not valid any more. Reload the page and try again.')
  if (now.getTime() - issued < FORM_AGE.minMs) return fail(400, 'That was fast. Wait a few seconds and send it again.')
  if (now.getTime() - issued > FORM_AGE.maxMs)
    return fail(400, 'This form has expired. Reload the page and try again (copy your comment first).')

  const name = input.name.trim()
  const body = input.body.replace(/\r\n?/g, '\n').trim()
  const website = cleanWebsite(input.website)
  if (!name) return fail(400, 'Please enter your name.', 'name')
  if (name.length > LIMITS.name) return fail(400, `The name is too long (at most ${LIMITS.name} characters).`, 'name')
  if ('error' in website) return fail(400, website.error, 'website')
  if (!body) return fail(400, 'Please write a comment.', 'body')
  if (body.length > LIMITS.body) return fail(400, `The comment is too long: ${body.length} characters, at most ${LIMITS.body}.`, 'body')

  if (input.parentId) {
    const [parent] = await db.select().from(comments).where(eq(comments.id, input.parentId))
    if (!parent || parent.post !== input.post || parent.status !== 'approved')
      return fail(404, 'The comment you are replying to does not exist (any more).')
  }

  const limit = commentLimit()
  const posted = await countEvent(db, `comment:${ctx.client}`, limit.windowMs, now)
  if (posted.total > limit.count) {
    const minutes = Math.ceil(limitLeft(posted, limit.count + 1, limit.windowMs, now) / 60_000)
    return fail(
      429,
      `You have sent ${limit.count} comments in a short time. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
    )
  }

  const found = await lookUp(db, { post: input.post, name, website: website.value, body })
  if (found.duplicate) return fail(409, 'You already posted this comment.')

  const status = decideStatus({ body, trusted: found.trusted }, ctx.moderation)
  const comment = await db
    .insert(comments)
    .values({
      post: input.post,
      parentId: input.parentId || null,
      name,
      website: website.value,
      body,
      status,
      client: ctx.client,
      createdAt: now,
    })
    .returning()
    .then(first)
  forget(db)
  return { ok: true, comment }
}

/**
 * In one query (each one costs every waiting request time on the embedded database): whether this
 * commenter already posted this body here, and whether the name with the same website (or the same
 * lack of one) had a comment approved before, which `first-time` moderation trusts.
 */
async function lookUp(
  db: Db,
  c: { post: string; name: string; website: string | null; body: string },
): Promise<{ duplicate: boolean; trusted: boolean }> {
  const duplicate = db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.post, c.post), eq(comments.name, c.name), eq(comments.body, c.body)))
  const trusted = db
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.name, c.name),
        c.website ? eq(comments.website, c.website) : isNull(comments.website),
        eq(comments.status, 'approved'),
        eq(comments.isAuthor, false),
      ),
    )
  const result = await db.execute(sql`select exists(${duplicate}) as duplicate, exists(${trusted}) as trusted`)
  // node-postgres and PGlite both answer with the rows in `rows`.
  return first((result as unknown as { rows: { duplicate: boolean; trusted: boolean }[] }).rows)
}

/** Approved at once or queued: by policy, and always queued with more than 3 links. */
function decideStatus(c: { body: string; trusted: boolean }, moderation: Moderation): CommentStatus {
  if (countLinks(c.body) > LIMITS.links || moderation === 'all') return 'pending'
  if (moderation === 'none') return 'approved'
  return c.trusted ? 'approved' : 'pending'
}

/** A signed receipt for a just-posted comment, so a reader without cookies can see it while it waits. */
export function receipt(secret: string, id: number): string {
  return sign(secret, 'receipt', String(id))
}

/** The comment a receipt stands for, if the receipt is genuine. */
export async function commentByReceipt(db: Db, secret: string, token: string | null | undefined): Promise<CommentRow | undefined> {
  const id = Number(unsign(secret, 'receipt', token))
  if (!id) return undefined
  const [row] = await db.select().from(comments).where(eq(comments.id, id))
  return row
}

/** One post's approved comments, oldest first. The rows may be shared with other callers: do not change them. */
export function approvedComments(db: Db, post: string): Promise<CommentRow[]> {
  return cachedRead(db, { approved: post }, () =>
    db
      .select()
      .from(comments)
      .where(and(eq(comments.post, post), eq(comments.status, 'approved')))
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  )
}

/** Every comment of one post, whatever its status, oldest first (the admin's view). */
export function allComments(db: Db, post: string): Promise<CommentRow[]> {
  return db.select().from(comments).where(eq(comments.post, post)).orderBy(asc(comments.createdAt), asc(comments.id))
}

/** The moderation queue, oldest first. */
export function pendingComments(db: Db): Promise<CommentRow[]> {
  return db.select().from(comments).where(eq(comments.status, 'pending')).orderBy(asc(comments.createdAt), asc(comments.id))
}

/** The newest approved comments, site-wide or of one post (feeds). */
export function recentComments(db: Db, limit: number, post?: string): Promise<CommentRow[]> {
  const approved = eq(comments.status, 'approved')
  return db
    .select()
    .from(comments)
    .where(post ? and(approved, eq(comments.post, post)) : approved)
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit)
}

/** Comment counts per post and status (the admin's overview). */
export async function commentCounts(db: Db): Promise<Map<string, Record<CommentStatus, number>>> {
  const rows = await db
    .select({ post: comments.post, status: comments.status, n: sql<number>`count(*)::int` })
    .from(comments)
    .groupBy(comments.post, comments.status)
  const counts = new Map<string, Record<CommentStatus, number>>()
  for (const row of rows) {
    const entry = counts.get(row.post) ?? { pending: 0, approved: 0, spam: 0 }
    entry[row.status] = row.n
    counts.set(row.post, entry)
  }
  return counts
}

/** Approves a comment or marks it as spam; false when it does not exist. */
export async function setStatus(db: Db, id: number, status: CommentStatus): Promise<boolean> {
  const changed = await db.update(comments).set({ status }).where(eq(comments.id, id)).returning({ id: comments.id })
  forget(db)
  return changed.length > 0
}

/** Deletes a comment and its replies; false when it does not exist. */
export async function deleteComment(db: Db, id: number): Promise<boolean> {
  const deleted = await db.delete(comments).where(eq(comments.id, id)).returning({ id: comments.id })
  forget(db)
  return deleted.length > 0
}

/** The author's own comment or reply: published at once and badged. */
export async function authorReply(
  db: Db,
  reply: { post: string; parentId?: number | null; name: string; body: string; now?: Date },
): Promise<CommentRow> {
  const body = reply.body.replace(/\r\n?/g, '\n').trim()
  if (!body || body.length > LIMITS.body) throw new Error(`a reply has 1 to ${LIMITS.body} characters`)
  const row = await db
    .insert(comments)
    .values({
      post: reply.post,
      parentId: reply.parentId || null,
      name: reply.name,
      body,
      status: 'approved',
      isAuthor: true,
      createdAt: reply.now ?? new Date(),
    })
    .returning()
    .then(first)
  forget(db)
  return row
}

/** The author's open/closed overrides, by post slug. */
export function postOverrides(db: Db): Promise<Map<string, boolean>> {
  return cachedRead(db, 'overrides', async () => new Map((await db.select().from(postSettings)).map((row) => [row.post, row.open])))
}

/** Opens or closes comments on one post, whatever its frontmatter says. */
export async function setPostOpen(db: Db, post: string, open: boolean): Promise<void> {
  await db.insert(postSettings).values({ post, open }).onConflictDoUpdate({ target: postSettings.post, set: { open } })
  forget(db)
}

/** Whether a post takes comments: the author's override, else `fallback` (frontmatter, then site.yaml). */
export async function isOpen(db: Db, post: string, fallback: boolean): Promise<boolean> {
  // One process's own database: the whole (small) table, cached. A shared one: just this post, fresh.
  if (ownsWrites(db)) return (await postOverrides(db)).get(post) ?? fallback
  const [row] = await db.select().from(postSettings).where(eq(postSettings.post, post))
  return row ? row.open : fallback
}

/** Every comment, for `npm run comments -- export` (client hashes left out: they identify no one, but serve no one either). */
export async function exportComments(db: Db): Promise<Omit<CommentRow, 'client'>[]> {
  const rows = await db.select().from(comments).orderBy(asc(comments.id))
  return rows.map(({ client: _client, ...rest }) => rest)
}

/** Deletes everything one commenter wrote (by exact name) and the replies to it; returns how many comments went. */
export async function deleteCommenter(db: Db, name: string): Promise<number> {
  const own = await db
    .delete(comments)
    .where(and(eq(comments.name, name), eq(comments.isAuthor, false)))
    .returning({ id: comments.id })
  forget(db)
  return own.length
}
