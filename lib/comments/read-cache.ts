// What readers ask for on every comment GET (a post's approved comments, whether it is open), kept
// in memory for an embedded database. PGlite runs inside this process and only this process can
// open its folder (see lock.ts), so every write passes through here and can clear what it changes:
// the cache is exact, not a guess with a lifetime. On PostgreSQL other servers write too, so every
// read goes to the database. The embedded database runs on the same thread as Next, and under load
// each query it saves is time every waiting request gets back.
import type { Db } from './db'

interface Cached {
  approved: Map<string, Promise<unknown>>
  overrides?: Promise<unknown>
}

// Next bundles this module into every route and page that uses it, each copy with its own module
// scope: the admin's write must clear what the comment API cached, so the state is on globalThis,
// as the database itself is (db.ts).
const shared = globalThis as { [key: symbol]: WeakMap<Db, Cached> | undefined }
const owned = (shared[Symbol.for('inkwell.comments.read-cache')] ??= new WeakMap<Db, Cached>())

/** Marks `db` as written only by this process (an embedded database): its reads may be cached. */
export function ownedByThisProcess(db: Db): void {
  owned.set(db, { approved: new Map() })
}

/** Whether `db` is an embedded database this process alone writes. */
export function ownsWrites(db: Db): boolean {
  return owned.has(db)
}

/** The cached answer for `key` on `db`, loaded once until the next write; uncached on a shared database. */
export function cachedRead<T>(db: Db, key: { approved: string } | 'overrides', load: () => Promise<T>): Promise<T> {
  const cache = owned.get(db)
  if (!cache) return load()
  const remember = (promise: Promise<T>) => {
    // A failed read is not remembered: the next request asks the database again.
    promise.catch(() => forget(db))
    return promise
  }
  if (key === 'overrides') return (cache.overrides ??= remember(load())) as Promise<T>
  let entry = cache.approved.get(key.approved) as Promise<T> | undefined
  if (!entry) cache.approved.set(key.approved, (entry = remember(load())))
  return entry
}

/** Forgets every cached read of `db`: call it after any write to comments or post settings. */
export function forget(db: Db): void {
  if (owned.has(db)) owned.set(db, { approved: new Map() })
}
