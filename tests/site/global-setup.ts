// Builds the fixture site in tests/fixtures/site once with the real `npm run build` (check, then
// next build) and serves it with `next start` for every test in tests/site/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { freePort } from '../free-port'
import { buildEnv, FIXTURE_DIST, ROOT } from './env'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
  }
}

export default async function setup(project: TestProject) {
  const env = buildEnv('tests/fixtures/site/content', FIXTURE_DIST)
  fs.rmSync(path.join(ROOT, FIXTURE_DIST), { recursive: true, force: true })
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`fixture build failed:\n${build.stdout}\n${build.stderr}`)

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  })
  let up = false
  for (let i = 0; i < 150 && !up; i++) {
    up = await fetch(base).then(
      () => true,
      () => false,
    )
    if (!up) await new Promise((r) => setTimeout(r, 200))
  }
  if (!up) throw new Error('next start did not answer on the fixture build')
  project.provide('siteUrl', base)

  return () => {
    server.kill()
    fs.rmSync(path.join(ROOT, FIXTURE_DIST), { recursive: true, force: true })
  }
}
