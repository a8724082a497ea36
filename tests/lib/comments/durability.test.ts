import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { approvedComments, DataDirInUseError, openDatabase } from '@/lib/comments'
import { createPostgresDatabase, ENGINES } from './engines'

const WRITER = path.join(import.meta.dirname, 'writer.mts')
const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** Starts the writer and resolves once it has acknowledged `count` comments, with their ids. */
function startWriter(target: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target], { stdio: ['ignore', 'pipe', 'pipe'] })
  const acked: number[] = []
  let errors = ''
  child.stderr.on('data', (chunk) => (errors += chunk))
  const enough = new Promise<void>((resolve, reject) => {
    let buffer = ''
    child.stdout.on('data', (chunk) => {
      buffer += chunk
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) if (line.startsWith('ack ')) acked.push(Number(line.slice(4)))
      if (acked.length >= count) resolve()
    })
    child.on('exit', (code) => reject(new Error(`writer exited (${code}): ${errors}`)))
  })
  return { child, acked, enough }
}

describe.each(ENGINES)('a server killed with kill -9 while writing, on %s', (engine) => {
  it('restarts with every acknowledged comment intact', async () => {
    let target: string
    if (engine === 'pglite') {
      target = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-kill-'))
      dirs.push(target)
    } else {
      target = await createPostgresDatabase()
    }
    const writer = startWriter(target, 40)
    await writer.enough

    if (engine === 'pglite') {
      // While it runs, a second process gets a clear error naming the owner, and touches nothing.
      const second = openDatabase({ dataDir: target })
      await expect(second).rejects.toThrow(DataDirInUseError)
      await expect(second).rejects.toThrow(new RegExp(`in use by process ${writer.child.pid}.*DATABASE_URL`))
    }

    const exited = new Promise((resolve) => writer.child.once('exit', resolve))
    writer.child.kill('SIGKILL')
    await exited
    const acked = [...writer.acked]

    // The dead owner's lock is taken over; the database opens and holds every acknowledged row.
    const database = await openDatabase(engine === 'pglite' ? { dataDir: target } : { url: target })
    const stored = new Set((await approvedComments(database.db, 'durable')).map((c) => c.id))
    expect(acked.length).toBeGreaterThanOrEqual(40)
    expect(acked.filter((id) => !stored.has(id))).toEqual([])
    await database.close()
  }, 60_000)
})
