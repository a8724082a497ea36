import fs from 'node:fs'

/** Thrown when another live process already holds the embedded database. */
export class DataDirInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes `file` for this process: writes our pid, or fails if a live process holds it. A lock left
 * by a process that died (kill -9, a crash) is taken over. Returns the function that releases it.
 */
export function acquireLock(file: string, what: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx')
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }))
      fs.closeSync(fd)
      const release = () => {
        try {
          if (JSON.parse(fs.readFileSync(file, 'utf8')).pid === process.pid) fs.unlinkSync(file)
        } catch {
          // Already gone.
        }
      }
      process.once('exit', release)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let owner: number | undefined
    try {
      owner = Number(JSON.parse(fs.readFileSync(file, 'utf8')).pid)
    } catch {
      // Half-written or unreadable: treat as stale.
    }
    // Our own pid counts as live: a second open in this process would corrupt the files just the same.
    if (owner && alive(owner)) {
      throw new DataDirInUseError(
        `${what} is in use by process ${owner} (${file}). Only one Inkwell server can use the embedded database: stop the other one, or set DATABASE_URL=postgres://… so several servers share PostgreSQL.`,
      )
    }
    fs.rmSync(file, { force: true })
  }
  throw new DataDirInUseError(`could not take the lock ${file}`)
}
