import http from 'node:http'

import { closeDatabase } from './db'

// How a server stops. On SIGTERM (docker stop, systemd, a rolling deploy) and SIGINT, Next's own
// handler (next start and the standalone server.js alike, unless NEXT_MANUAL_SIG_HANDLE is set)
// stops listening, waits for every open connection to end, runs its close hooks, and calls
// process.exit(143). Two things are missing, and added here:
// - A keep-alive connection never ends while its client keeps sending on it (a proxy's pool, a
//   busy reader), so the wait could last until the container is killed. After the signal every
//   response says `Connection: close`: each client finishes the request it sent and goes away.
// - Nothing public runs between the last request and that exit, so the exit is where the
//   database is closed: PGlite writes out its files and releases the data folder's lock, and a
//   PostgreSQL pool ends its connections instead of having them cut.

/** Longest wait for the requests in flight: below Docker's 10 s before it sends SIGKILL. */
const DRAIN_MS = 8_000
const INSTALLED = Symbol.for('inkwell.shutdown')

/**
 * In a server, closes the database once Next has finished the requests in flight, and exits 0 when
 * that went cleanly (1 when it did not). Called from instrumentation.ts; does nothing where no Next
 * signal handler runs (build workers, NEXT_MANUAL_SIG_HANDLE), so their own signals keep working.
 */
export function closeDatabaseOnShutdown(): void {
  const flags = globalThis as { [INSTALLED]?: boolean }
  if (flags[INSTALLED] || process.listenerCount('SIGTERM') === 0) return
  flags[INSTALLED] = true
  const onSignal = () => {
    endKeepAlive()
    const exit = process.exit.bind(process)
    let closing: Promise<number> | undefined
    const closeThenExit = (code?: number | string | null) => {
      closing ??= closeDatabase().then(
        () => 0,
        (error: unknown) => {
          console.error('inkwell: closing the comment database failed:', error)
          return 1
        },
      )
      // 143 and 130 are Next's codes for "stopped by SIGTERM / SIGINT": a clean stop is a success.
      void closing.then((failed) => exit(failed || (code === 143 || code === 130 || !code ? 0 : code)))
    }
    process.exit = closeThenExit as typeof process.exit
    setTimeout(() => {
      console.error(`inkwell: requests still open ${DRAIN_MS / 1000} s after the signal; closing the database anyway`)
      closeThenExit(1)
    }, DRAIN_MS).unref()
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}

/** From now on every response closes its connection (Node writes `Connection: close` and ends the socket). */
function endKeepAlive(): void {
  const writeHead = http.ServerResponse.prototype.writeHead
  http.ServerResponse.prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    this.shouldKeepAlive = false
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args)
  } as typeof writeHead
}
