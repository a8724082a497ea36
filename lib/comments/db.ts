import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'

import { readEnv } from '../env'
import { acquireLock } from './lock'
import { ownedByThisProcess } from './read-cache'
import * as schema from './schema'
import { takingTurns } from './turns'

/** The query layer, the same type on both engines. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

/** An open database: the query layer, which engine runs it, and how to close it. */
export interface Database {
  db: Db
  engine: 'pglite' | 'postgres'
  close(): Promise<void>
}

/** Where the database lives: a PostgreSQL URL, else an embedded one in a folder. */
export type DatabaseTarget = { url: string } | { dataDir: string }

/** The target from the environment: DATABASE_URL, else INKWELL_DATA_DIR, else data/. */
export function databaseTarget(source: Record<string, string | undefined> = process.env): DatabaseTarget {
  const env = readEnv(source)
  if (env.DATABASE_URL) return { url: env.DATABASE_URL }
  return { dataDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.INKWELL_DATA_DIR || 'data') }
}

/** The versioned SQL migrations (migrations/, written by drizzle-kit). */
export const MIGRATIONS = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'migrations')

// Any number, fixed: holders of this advisory lock are Inkwell servers migrating the schema.
const MIGRATION_LOCK = 7_246_001

/** Opens the database at `target` and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget, migrationsFolder = MIGRATIONS): Promise<Database> {
  if ('url' in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 })
    // Several servers may start at once: one migrates, the others wait for it.
    const client = await pool.connect()
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder })
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
      client.release()
    }
    return { db: drizzlePg(pool, { schema }) as unknown as Db, engine: 'postgres', close: () => pool.end() }
  }
  // turbopackIgnore: a folder known only at run time; tracing it would ship the project's data/.
  fs.mkdirSync(/*turbopackIgnore: true*/ target.dataDir, { recursive: true })
  // PGlite is one process's database: a second process writing the same files would corrupt them.
  const release = acquireLock(path.join(/*turbopackIgnore: true*/ target.dataDir, 'inkwell.lock'), target.dataDir)
  try {
    const client = await PGlite.create(path.join(/*turbopackIgnore: true*/ target.dataDir, 'pglite'))
    client.query = takingTurns(client.query.bind(client)) as typeof client.query
    const db = drizzlePglite(client, { schema })
    await migratePglite(db, { migrationsFolder })
    ownedByThisProcess(db as unknown as Db)
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      close: async () => {
        await client.close()
        release()
      },
    }
  } catch (error) {
    release()
    throw error
  }
}

type Shared = { key: string; promise: Promise<Database> }
const store = globalThis as { [key: symbol]: Shared | undefined }
const SHARED = Symbol.for('inkwell.comments.db')

/** This process's database, opened once: next dev reloads modules, globalThis survives that. */
export function getDatabase(): Promise<Database> {
  const target = databaseTarget()
  const key = JSON.stringify(target)
  const shared = store[SHARED]
  if (shared?.key === key) return shared.promise
  const promise = openDatabase(target)
  // A failed open (say, the data folder is locked) is retried on the next request, not cached.
  promise.catch(() => {
    if (store[SHARED]?.promise === promise) store[SHARED] = undefined
  })
  store[SHARED] = { key, promise }
  return promise
}

/** Closes this process's database if it was opened (a clean shutdown: PGlite flushes, the lock goes). */
export async function closeDatabase(): Promise<void> {
  const shared = store[SHARED]
  if (!shared) return
  store[SHARED] = undefined
  const database = await shared.promise.catch(() => undefined)
  await database?.close()
}

/** Asks the database a trivial question: throws when it does not answer. */
export async function ping(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`)
}
