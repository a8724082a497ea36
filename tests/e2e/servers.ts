// Inkwell server processes for the deployment tests: `next start` on the e2e build, or the
// standalone server.js beside it (what the Docker image runs), each with its own port and
// environment; and a client that posts comments the way the island does.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { freePort } from '../free-port'
import { buildEnv } from '../site/env'
import { E2E_DIST, ROOT, SITE_URL } from './env'
import { waitFor } from './nginx'

export { freePort } from '../free-port'

/** A post of the sample site that takes comments. */
export const SLUG = 'letting-guests-write'

export interface Server {
  url: string
  child: ChildProcess
  /** Resolves when the process has exited, with its code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  output(): string
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>
}

/** Starts `next start` or the standalone server.js on a free port; resolves when it answers /api/health. */
export async function startServer(kind: 'next start' | 'standalone', env: Record<string, string>, port?: number): Promise<Server> {
  port ??= await freePort()
  const base = { ...buildEnv('content', E2E_DIST), SITE_URL, ...env }
  const [command, args, cwd] =
    kind === 'standalone'
      ? [process.execPath, ['server.js'], path.join(ROOT, E2E_DIST, 'standalone')]
      : [path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], ROOT]
  const child = spawn(command, args, {
    cwd,
    env: { ...base, PORT: String(port), HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    `${url}/api/health`,
    () => child.exitCode !== null,
    () => `${kind} did not answer:\n${log}`,
  )
  return {
    url,
    child,
    exited,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}

/** A form token from `url`, already old enough to post with (a form sent within 3 s is refused). */
export async function oldToken(url: string): Promise<string> {
  const response = await fetch(`${url}/api/comments?post=${SLUG}`)
  if (!response.ok) throw new Error(`GET /api/comments: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  await new Promise((r) => setTimeout(r, 3_200))
  return token
}

/** Posts a comment as the island does; `origin` is the address the reader's page came from. */
export function postComment(url: string, token: string, body: string, headers: Record<string, string> = {}, origin = url) {
  return fetch(`${url}/api/comments`, {
    method: 'POST',
    body: new URLSearchParams({ post: SLUG, name: 'Load Tester', comment: body, token }),
    headers: { origin, accept: 'application/json', ...headers },
  })
}
