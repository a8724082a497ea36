// npm run build and npm run export (-- --export): the content check, next build, the search index
// and, for an export, the files static hosts read, as one build. Every step, and every worker next
// build starts, gets the same INKWELL_NOW: a post scheduled for a moment inside a long build is
// then in every list or in none.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { EnvError, readEnv } from '../lib/env'
import { manifestPath } from '../lib/post-files-manifest'

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name)
const env: NodeJS.ProcessEnv = { ...process.env, INKWELL_NOW: process.env.INKWELL_NOW || new Date().toISOString() }
if (process.argv.includes('--export')) env.INKWELL_OUTPUT = 'export'
try {
  readEnv(env)
} catch (error) {
  if (!(error instanceof EnvError)) throw error
  console.error(error.message)
  process.exit(2)
}

// The check writes the manifest of the posts' images and cards (lib/post-files-manifest.ts) here;
// it is copied into <distDir> once next build, which empties that folder, is done, and removed
// when this process exits. An export has those files as files and needs none.
const serverBuild = env.INKWELL_OUTPUT !== 'export'
const pending = path.join(os.tmpdir(), `inkwell-post-files-${process.pid}.json`)
const moveManifest = () => {
  const target = manifestPath(env)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.copyFileSync(pending, target)
}

const steps: ([string, string[]] | (() => void))[] = [
  [bin('tsx'), ['scripts/check.mts', '--build', ...(serverBuild ? ['--post-files', pending] : [])]],
  [bin('next'), ['build']],
  ...(serverBuild ? [moveManifest] : []),
  [bin('tsx'), ['scripts/search-index.mts']],
  // _headers, _redirects and .nojekyll (lib/static-host) in the export folder.
  ...(env.INKWELL_OUTPUT === 'export' ? [[bin('tsx'), ['scripts/host-files.mts']] satisfies [string, string[]]] : []),
  // INKWELL_OUTPUT=standalone: static files, search index and content beside server.js.
  ...(env.INKWELL_OUTPUT === 'standalone' ? [[bin('tsx'), ['scripts/standalone.mts']] satisfies [string, string[]]] : []),
]
process.on('exit', () => fs.rmSync(pending, { force: true }))
for (const step of steps) {
  if (typeof step === 'function') {
    step()
    continue
  }
  const [command, args] = step
  const { status, signal } = spawnSync(command, args, { env, stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? (signal ? 1 : 0))
}
