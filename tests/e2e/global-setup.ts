// Builds the sample site (content/) the two ways it ships, serves both, and hands the URLs to the
// tests: `npm run build` + `next start`, and `npm run export` (out/) on nginx with deploy/nginx.conf.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { freePort } from '../free-port'
import { buildEnv } from '../site/env'
import { ADMIN_PASSWORD, E2E_DIST, EXPORT_DIR, ROOT, SITE_URL } from './env'
import { startNginx, waitFor } from './nginx'

function run(script: string, env: NodeJS.ProcessEnv) {
  const started = Date.now()
  const result = spawnSync('npm', ['run', script], { cwd: ROOT, env, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`)
  console.log(`e2e: npm run ${script} (${Math.round((Date.now() - started) / 1000)} s)`)
}

export default async function setup(project: TestProject) {
  const env: NodeJS.ProcessEnv = { ...buildEnv('content', E2E_DIST), SITE_URL }
  fs.rmSync(path.join(ROOT, E2E_DIST), { recursive: true, force: true })
  // Standalone: the same build serves next start here and `node server.js` (what the Docker image
  // runs) in standalone.test.ts, so the suite builds the server once. next start serves it as any build.
  run('build', { ...env, INKWELL_OUTPUT: 'standalone' })
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

  project.provide('exportDir', EXPORT_DIR)
  project.provide('targets', [
    { name: 'next start', url: nextUrl },
    { name: 'static export on nginx', url: nginx.url },
  ])

  const withEndpoint = await exportWithEndpoint(env)
  project.provide('endpointExport', { site: withEndpoint.site, server: withEndpoint.server })

  return async () => {
    next.kill()
    await nginx.stop()
    await withEndpoint.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * The second way an export can have comments: `comments.endpoint` in site.yaml names a separately
 * running Inkwell server. The sample content with that one line added is exported and served by
 * nginx with deploy/nginx.conf, its connect-src widened to the endpoint as the README says; the
 * endpoint is next start on the server build, whose site URL is the export's origin (for CORS).
 */
async function exportWithEndpoint(env: NodeJS.ProcessEnv) {
  const [sitePort, serverPort] = [await freePort(), await freePort()]
  const site = `http://127.0.0.1:${sitePort}`
  const server = `http://127.0.0.1:${serverPort}`
  // Inside the repository: Next refuses a distDir outside its root. Gitignored (.next-*/).
  const work = path.join(ROOT, '.next-e2e-endpoint')
  fs.rmSync(work, { recursive: true, force: true })
  const content = path.join(work, 'content')
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const siteYaml = path.join(content, 'site.yaml')
  if (/^comments:/m.test(fs.readFileSync(siteYaml, 'utf8'))) throw new Error('content/site.yaml has comments: the test adds its own')
  fs.appendFileSync(siteYaml, `comments:\n  endpoint: ${server}\n`)
  // The export goes to its distDir.
  const out = path.join(work, 'out')
  run('export', { ...env, INKWELL_CONTENT_DIR: content, INKWELL_DIST_DIR: path.relative(ROOT, out), SITE_URL: site })

  const dataDir = path.join(work, 'data')
  const next = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(serverPort), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, SITE_URL: site, INKWELL_DATA_DIR: dataDir },
    stdio: 'ignore',
  })
  // Its health check opens the database (migrations on first use), as a deploy's check would.
  await waitFor(
    `${server}/api/health`,
    () => next.exitCode !== null,
    () => 'next start (the comment endpoint) did not answer',
  )
  const conf = path.join(work, 'nginx.conf')
  const deploy = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
  const widened = deploy.replaceAll("connect-src 'self'", `connect-src 'self' ${server}`)
  if (widened === deploy) throw new Error("deploy/nginx.conf has no connect-src 'self' to widen")
  fs.writeFileSync(conf, widened)
  const nginx = await startNginx({ site: conf, root: out, port: sitePort })
  return {
    site,
    server,
    async stop() {
      next.kill()
      await nginx.stop()
      fs.rmSync(work, { recursive: true, force: true })
    },
  }
}
