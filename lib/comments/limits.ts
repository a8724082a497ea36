import { and, eq, inArray, lt, sql } from 'drizzle-orm'

import { readEnv } from '../env'
import type { Db } from './db'
import { first } from './rows'
import { counters } from './schema'

/**
 * How many events `key` had in the current fixed window of `windowMs` and in the one before. Limits
 * count both, so a limit holds across a window's end: 5 failed logins at 9:59 still lock at 10:00.
 */
export interface Counted {
  current: number
  total: number
}

const windowStart = (windowMs: number, now: Date) => Math.floor(now.getTime() / windowMs) * windowMs

/** Counts one event for `key` in the current window and returns the counts with it (one statement). */
export async function countEvent(db: Db, key: string, windowMs: number, now = new Date()): Promise<Counted> {
  const window = new Date(windowStart(windowMs, now))
  const previous = new Date(window.getTime() - windowMs).toISOString()
  const row = await db
    .insert(counters)
    .values({ key, window, count: 1 })
    .onConflictDoUpdate({ target: [counters.key, counters.window], set: { count: sql`${counters.count} + 1` } })
    .returning({
      current: counters.count,
      before: sql<number>`coalesce((select p.count from counters p where p.key = ${key} and p.window = ${previous}::timestamptz), 0)`,
    })
    .then(first)
  // Windows older than the one before are never read again; dropping them now and then keeps the table small.
  if (Math.random() < 0.02) await db.delete(counters).where(lt(counters.window, new Date(now.getTime() - 86_400_000)))
  return { current: row.current, total: row.current + Number(row.before) }
}

/** The counts for `key` in the current and the previous window, without counting. */
export async function peekCount(db: Db, key: string, windowMs: number, now = new Date()): Promise<Counted> {
  const window = windowStart(windowMs, now)
  const rows = await db
    .select({ window: counters.window, count: counters.count })
    .from(counters)
    .where(and(eq(counters.key, key), inArray(counters.window, [new Date(window), new Date(window - windowMs)])))
  const current = rows.find((row) => row.window.getTime() === window)?.count ?? 0
  return { current, total: rows.reduce((sum, row) => sum + row.count, 0) }
}

/**
 * Milliseconds until a limit of `limit` events is no longer reached: the end of this window when the
 * previous window's events make up the difference, the end of the next one when this window alone does.
 */
export function limitLeft(counted: Counted, limit: number, windowMs: number, now = new Date()): number {
  return windowMs - (now.getTime() % windowMs) + (counted.current >= limit ? windowMs : 0)
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
  return {
    locked: failures.total >= LOGIN_LIMIT.count,
    retryInMs: limitLeft(failures, LOGIN_LIMIT.count, LOGIN_LIMIT.windowMs, now),
    failures: failures.total,
  }
}

/** Records a failed login; returns the delay the answer should wait (grows with each failure). */
export async function loginFailed(db: Db, client: string, now = new Date()): Promise<number> {
  const failures = await countEvent(db, `login:${client}`, LOGIN_LIMIT.windowMs, now)
  return Math.min(LOGIN_LIMIT.delayMs * 2 ** (failures.total - 1), 5_000)
}
