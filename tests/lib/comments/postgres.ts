// A real PostgreSQL server for tests: initdb + pg_ctl on a temporary folder and a free port,
// stopped and removed afterwards. As root (CI), the server runs as the `postgres` user, since
// PostgreSQL refuses to run as root.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from '../../free-port'

/** Debian's server binaries (apt-get install postgresql), the newest installed version; PG_BIN overrides. */
function serverBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin/initdb'))) : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  if (!newest) throw new Error('PostgreSQL is not installed: the storage tests need it (apt-get install -y postgresql; .ci/run does that)')
  return path.join(root, newest, 'bin')
}

function asServerUser(command: string, args: string[]) {
  const root = process.getuid?.() === 0
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
}

export interface TestPostgres {
  /** postgres:// URL of the `postgres` database; tests create their own databases in it. */
  url: string
  stop(): void
}

/**
 * Starts a throwaway PostgreSQL server. Tests turn fsync off (nothing there needs to survive a
 * power cut); the bench keeps it on (`durable`), as a production server runs.
 */
export async function startPostgres({ durable = false } = {}): Promise<TestPostgres> {
  const BIN = serverBin()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-pg-'))
  fs.chmodSync(dir, 0o777)
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir])
  const data = path.join(dir, 'data')
  const port = await freePort()
  asServerUser(path.join(BIN, 'initdb'), ['-D', data, '-U', 'inkwell', '--auth=trust', '-E', 'UTF8', ...(durable ? [] : ['--no-sync'])])
  asServerUser(path.join(BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${durable ? '' : ' -c fsync=off'}`,
    'start',
  ])
  return {
    url: `postgres://inkwell@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asServerUser(path.join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
