import { and, eq, lt, sql } from 'drizzle-orm'

import { readEnv } from '../env'
import type { Db } from './db'
import { first } from './rows'
import { counters } from './schema'

/** Counts one event for `key` in the current fixed window of `windowMs`; returns the count so far. */
export async function countEvent(db: Db, key: string, windowMs: number, now = new Date()): Promise<number> {
  const window = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const row = await db
    .insert(counters)
    .values({ key, window, count: 1 })
    .onConflictDoUpdate({ target: [counters.key, counters.window], set: { count: sql`${counters.count} + 1` } })
    .returning({ count: counters.count })
    .then(first)
  // Old windows are never read again; dropping them now and then keeps the table small.
  if (Math.random() < 0.02) await db.delete(counters).where(lt(counters.window, new Date(now.getTime() - 86_400_000)))
  return row.count
}

/** The count for `key` in the current window, without counting. */
export async function peekCount(db: Db, key: string, windowMs: number, now = new Date()): Promise<number> {
  const window = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const [row] = await db
    .select({ count: counters.count })
    .from(counters)
    .where(and(eq(counters.key, key), eq(counters.window, window)))
  return row?.count ?? 0
}

/** Milliseconds until the window that `now` falls in ends. */
export function windowLeft(windowMs: number, now = new Date()): number {
  return windowMs - (now.getTime() % windowMs)
}

/** Comments one client may post per window: 5 per 10 minutes, or INKWELL_COMMENT_RATE_LIMIT ("20/10"). */
export function commentLimit(source: Record<string, string | undefined> = process.env): { count: number; windowMs: number } {
  const value = readEnv(source).INKWELL_COMMENT_RATE_LIMIT
  if (!value) return { count: 5, windowMs: 10 * 60_000 }
  const [count, minutes] = value.split('/').map(Number) as [number, number]
  return { count: Math.max(1, count), windowMs: Math.max(1, minutes) * 60_000 }
}
/** Failed logins one client may make per window before the login locks; each failure waits longer. */
export const LOGIN_LIMIT = { count: 5, windowMs: 15 * 60_000, delayMs: 400 }

/** Whether a client may try to log in now, and how long to make a failed attempt wait. */
export async function loginGate(
  db: Db,
  client: string,
  now = new Date(),
): Promise<{ locked: boolean; retryInMs: number; failures: number }> {
  const failures = await peekCount(db, `login:${client}`, LOGIN_LIMIT.windowMs, now)
  return { locked: failures >= LOGIN_LIMIT.count, retryInMs: windowLeft(LOGIN_LIMIT.windowMs, now), failures }
}

/** Records a failed login; returns the delay the answer should wait (grows with each failure). */
export async function loginFailed(db: Db, client: string, now = new Date()): Promise<number> {
  const failures = await countEvent(db, `login:${client}`, LOGIN_LIMIT.windowMs, now)
  return Math.min(LOGIN_LIMIT.delayMs * 2 ** (failures - 1), 5_000)
}
