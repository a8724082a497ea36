// Every storage test runs on both engines: a fresh PGlite folder, and a fresh database on the
// PostgreSQL server that global-setup.ts started.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { inject } from 'vitest'

import { openDatabase, type Database } from '@/lib/comments'

export const ENGINES = ['pglite', 'postgres'] as const
export type Engine = (typeof ENGINES)[number]

/** A fresh, migrated database on `engine`; close() removes it. */
export async function freshDatabase(
  engine: Engine,
): Promise<Database & { target: { url: string } | { dataDir: string }; release(): Promise<void> }> {
  if (engine === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-pglite-'))
    const database = await openDatabase({ dataDir })
    return {
      ...database,
      target: { dataDir },
      // Closes without removing the folder, to reopen it.
      release: () => database.close(),
      close: async () => {
        await database.close()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
    }
  }
  const url = await createPostgresDatabase()
  const database = await openDatabase({ url })
  return { ...database, target: { url }, release: () => database.close() }
}

/** An empty database on the test server, by URL. */
export async function createPostgresDatabase(): Promise<string> {
  const server = inject('postgresUrl')
  const name = `t_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  return server.replace(/\/postgres$/, `/${name}`)
}
