// Builds the sample site (content/) the two ways it ships, serves both, and hands the URLs to the
// tests: `npm run build` + `next start`, and `npm run export` (out/) on nginx with deploy/nginx.conf.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { buildEnv } from '../site/env'
import { ADMIN_PASSWORD, E2E_DIST, EXPORT_DIR, ROOT, SITE_URL } from './env'
import { startNginx, waitFor } from './nginx'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function run(script: string, env: NodeJS.ProcessEnv) {
  const started = Date.now()
  const result = spawnSync('npm', ['run', script], { cwd: ROOT, env, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`)
  console.log(`e2e: npm run ${script} (${Math.round((Date.now() - started) / 1000)} s)`)
}

export default async function setup(project: TestProject) {
  const env: NodeJS.ProcessEnv = { ...buildEnv('content', E2E_DIST), SITE_URL }
  fs.rmSync(path.join(ROOT, E2E_DIST), { recursive: true, force: true })
  run('build', env)
  // The export writes out/ (a custom distDir would name the export folder instead).
  const exportEnv = { ...env }
  delete exportEnv.INKWELL_DIST_DIR
  run('export', exportEnv)

  const nextPort = await freePort()
  // Comments go to a throwaway embedded database, never the developer's data/.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-e2e-data-'))
  const next: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(nextPort), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, INKWELL_DATA_DIR: dataDir, INKWELL_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: 'ignore',
  })
  const nextUrl = `http://127.0.0.1:${nextPort}`
  await waitFor(
    nextUrl,
    () => next.exitCode !== null,
    () => 'next start did not answer',
  )
  const nginx = await startNginx({ site: path.join(ROOT, 'deploy/nginx.conf'), root: EXPORT_DIR, port: await freePort() })

  project.provide('targets', [
    { name: 'next start', url: nextUrl },
    { name: 'static export on nginx', url: nginx.url },
  ])

  return async () => {
    next.kill()
    await nginx.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
