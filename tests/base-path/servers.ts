// The sample site (content/) as it is served from a sub-path: its site.yaml says
// `url: https://me.github.io/blog`, nothing else changes. One `npm run build` served by next start
// and one `npm run export` served by nginx with deploy/nginx.conf, the export folder appearing at
// /blog/ (as GitHub Pages serves a project site), for every test in this folder.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { startNginx, waitFor } from '../e2e/nginx'
import { freePort } from '../free-port'
import { buildEnv, ROOT } from '../site/env'

/** The site's public address; its path is the base path. */
export const PUBLIC_URL = 'https://me.github.io/blog'
export const BASE = '/blog'
/** The build for next start (gitignored, like every .next-*). */
const DIST = '.next-base'
/** The copied content, the export, the folder nginx serves and the comment database. */
const WORK = path.join(ROOT, '.next-base-work')

export interface Target {
  name: string
  /** Where the server answers, such as http://127.0.0.1:4000 (the site is under BASE there). */
  origin: string
}

/**
 * Runs an npm script. An export builds in .next whatever its distDir (Next keeps build files there
 * and names the export folder with distDir), so it waits while another build holds .next's lock.
 */
async function run(script: string, env: NodeJS.ProcessEnv) {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync('npm', ['run', script], { cwd: ROOT, env, encoding: 'utf8' })
    if (result.status === 0) return
    const locked = `${result.stdout}${result.stderr}`.includes('Another next build process is already running')
    if (!locked || attempt === 20) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`)
    await new Promise((resolve) => setTimeout(resolve, 15_000))
  }
}

/** The sample content with only its site URL changed, and the environment that builds it. */
function prepare(): NodeJS.ProcessEnv {
  fs.rmSync(WORK, { recursive: true, force: true })
  fs.rmSync(path.join(ROOT, DIST), { recursive: true, force: true })
  const content = path.join(WORK, 'content')
  fs.cpSync(path.join(ROOT, 'content'), content, { recursive: true })
  const siteYaml = path.join(content, 'site.yaml')
  const yaml = fs.readFileSync(siteYaml, 'utf8')
  const changed = yaml.replace(/^url: .*$/m, `url: ${PUBLIC_URL}`)
  if (changed === yaml) throw new Error('content/site.yaml has no `url:` line to change')
  fs.writeFileSync(siteYaml, changed)
  // The base path must come from site.yaml alone: nothing in the environment may set it.
  const { INKWELL_BASE_PATH: _base, INKWELL_OUTPUT: _output, ...env } = buildEnv(path.relative(ROOT, content), DIST)
  return env
}

/** Serves `out` at /blog/ on nginx: deploy/nginx.conf with its root one folder up and the 404 page under /blog. */
async function serveExport(out: string) {
  const www = path.join(WORK, 'www')
  fs.mkdirSync(www, { recursive: true })
  fs.symlinkSync(out, path.join(www, BASE.slice(1)))
  const deploy = fs.readFileSync(path.join(ROOT, 'deploy/nginx.conf'), 'utf8')
  const conf = deploy.replace(/error_page 404 \/404\.html;/, `error_page 404 ${BASE}/404.html;`)
  if (conf === deploy) throw new Error('deploy/nginx.conf has no `error_page 404 /404.html;` line to move under the base path')
  fs.writeFileSync(path.join(WORK, 'nginx.conf'), conf)
  return startNginx({ site: path.join(WORK, 'nginx.conf'), root: www, port: await freePort() })
}

/** Builds, exports and serves the site; resolves to both servers and a function that stops them. */
export async function startServers(): Promise<{ targets: Target[]; exportDir: string; stop(): Promise<void> }> {
  const env = prepare()
  await run('build', env)
  const out = path.join(WORK, 'out')
  // A custom distDir names the export folder.
  await run('export', { ...env, INKWELL_DIST_DIR: path.relative(ROOT, out) })

  const port = await freePort()
  const next = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...env, INKWELL_DATA_DIR: path.join(WORK, 'data'), INKWELL_ADMIN_PASSWORD: 'base path admin' },
    stdio: 'ignore',
  })
  const origin = `http://127.0.0.1:${port}`
  await waitFor(
    `${origin}${BASE}`,
    () => next.exitCode !== null,
    () => 'next start did not answer',
  )
  const nginx = await serveExport(out)
  return {
    targets: [
      { name: 'next start', origin },
      { name: 'static export on nginx', origin: nginx.url },
    ],
    exportDir: out,
    async stop() {
      next.kill()
      await nginx.stop()
      fs.rmSync(WORK, { recursive: true, force: true })
      fs.rmSync(path.join(ROOT, DIST), { recursive: true, force: true })
    },
  }
}
