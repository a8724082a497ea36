// Docker cannot run on the machines that test Inkwell, so the Dockerfile and compose.yaml are read
// and checked step by step here, against what the tests do run: the standalone folder that
// scripts/standalone.mts assembles (tests/e2e/standalone.test.ts serves it with node server.js).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { envSchema } from '@/lib/env'
import { standaloneCopies } from '../../scripts/standalone.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')

interface Step {
  instruction: string
  args: string
}
interface Stage {
  name: string
  image: string
  steps: Step[]
}

/** The Dockerfile's stages and their steps: comments dropped, continued lines joined. */
function stages(text: string): Stage[] {
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n')
  const found: Stage[] = []
  for (const line of lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [, instruction = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? []
    if (instruction.toUpperCase() === 'FROM') {
      const [, image = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? []
      found.push({ name, image, steps: [] })
    } else found.at(-1)!.steps.push({ instruction: instruction.toUpperCase(), args })
  }
  return found
}

const dockerfile = stages(read('Dockerfile'))
const stage = (name: string) => dockerfile.find((s) => s.name === name)!
const args = (s: Stage, instruction: string) => s.steps.filter((step) => step.instruction === instruction).map((step) => step.args)
/** ENV lines as one record (`ENV A=1 B=2`). */
const envOf = (s: Stage) =>
  Object.fromEntries(args(s, 'ENV').flatMap((line) => [...line.matchAll(/(\w+)=(\S*)/g)].map((m) => [m[1]!, m[2]!])))
/** COPY steps: flags, sources, destination. */
const copies = (s: Stage) =>
  args(s, 'COPY').map((line) => {
    const words = line.split(/\s+/)
    const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length)
    const paths = words.filter((w) => !w.startsWith('--'))
    return { from, sources: paths.slice(0, -1), dest: paths.at(-1)! }
  })

describe('Dockerfile', () => {
  it('has three named stages on node:20-slim: deps, build, run', () => {
    expect(dockerfile.map((s) => `${s.name} ${s.image}`)).toEqual(['deps node:20-slim', 'build node:20-slim', 'run node:20-slim'])
    for (const s of dockerfile) expect(args(s, 'WORKDIR')).toEqual(['/app'])
  })

  it('installs with npm install (npm ci refuses lockfiles written on other platforms, see .ci/run)', () => {
    expect(args(stage('deps'), 'RUN')).toEqual(['npm install --no-audit --no-fund'])
    expect(dockerfile.flatMap((s) => args(s, 'RUN')).filter((run) => /npm ci\b/.test(run))).toEqual([])
    for (const source of copies(stage('deps')).flatMap((c) => c.sources)) expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true)
  })

  it('builds the standalone server with npm run build, as the e2e suite does', () => {
    const build = stage('build')
    expect(envOf(build)).toMatchObject({ INKWELL_OUTPUT: 'standalone' })
    expect(args(build, 'RUN')).toEqual(['npm run build'])
    expect(copies(build)).toEqual([
      { from: 'deps', sources: ['/app/node_modules'], dest: './node_modules' },
      { from: undefined, sources: ['.'], dest: '.' },
    ])
    // The build context is the repository minus what .dockerignore leaves out.
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.next', '.next-*', 'data', 'out']))
    for (const needed of [
      'package.json',
      'package-lock.json',
      'content',
      'migrations',
      'app',
      'lib',
      'scripts',
      'next.config.mjs',
      'instrumentation.ts',
    ]) {
      expect(fs.existsSync(path.join(ROOT, needed)), needed).toBe(true)
      expect(ignored, `${needed} reaches the build`).not.toContain(needed)
    }
  })

  it('runs only the standalone folder the build assembled, as an unprivileged user, with server.js', () => {
    const run = stage('run')
    const built = standaloneCopies({}, '/app')
    // Everything the run stage takes from the build is the folder scripts/standalone.mts completes.
    expect(copies(run)).toEqual([{ from: 'build', sources: [path.posix.join('/app', built.dir)], dest: './' }])
    expect(built.copies.map((c) => c.to)).toEqual(expect.arrayContaining(['.next/static', '.next/pagefind', 'content']))
    expect(args(run, 'COPY')[0]).toContain('--chown=node:node')
    expect(args(run, 'USER')).toEqual(['node'])
    expect(run.steps.findIndex((s) => s.instruction === 'USER')).toBeLessThan(run.steps.findIndex((s) => s.instruction === 'CMD'))
    expect(args(run, 'CMD')).toEqual(['["node", "server.js"]'])
    expect(envOf(run)).toMatchObject({ NODE_ENV: 'production', PORT: '3000', HOSTNAME: '0.0.0.0' })
    expect(args(run, 'EXPOSE')).toEqual(['3000'])
  })

  it('keeps the embedded database on a volume, and checks health at /api/health', () => {
    const run = stage('run')
    // data/ under the working directory is where lib/comments opens PGlite without INKWELL_DATA_DIR.
    expect(args(run, 'VOLUME')).toEqual(['/app/data'])
    expect(args(run, 'RUN').join(' ')).toContain('chown node:node /app/data')
    const [check] = args(run, 'HEALTHCHECK')
    expect(check).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/api\/health.*r\.ok/)
    expect(fs.existsSync(path.join(ROOT, 'app/api/health/route.node.ts'))).toBe(true)
  })
})

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, Record<string, unknown>>
    volumes: Record<string, unknown>
  }
  const inkwell = compose.services.inkwell as {
    build: { context: string }
    environment: Record<string, string>
    volumes: string[]
    ports: string[]
    depends_on: Record<string, { condition: string }>
  }
  const postgres = compose.services.postgres as {
    image: string
    volumes: string[]
    healthcheck: { test: string[] }
    environment: Record<string, string>
  }

  it('builds Inkwell from this folder and points it at the postgres service', () => {
    expect(inkwell.build.context).toBe('.')
    expect(inkwell.ports).toEqual(['3000:3000'])
    expect(Object.keys(inkwell.environment)).toEqual(expect.arrayContaining(['DATABASE_URL', 'SITE_URL', 'INKWELL_ADMIN_PASSWORD']))
    for (const name of Object.keys(inkwell.environment)) expect(Object.keys(envSchema.shape), name).toContain(name)
    const url = new URL(inkwell.environment.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'x'))
    expect([url.protocol, url.hostname, url.pathname.slice(1)]).toEqual(['postgres:', 'postgres', postgres.environment.POSTGRES_DB])
    expect(inkwell.depends_on).toEqual({ postgres: { condition: 'service_healthy' } })
  })

  it('keeps both databases on named volumes, and PostgreSQL has a health check', () => {
    expect(postgres.image).toBe('postgres:15')
    expect(postgres.healthcheck.test.join(' ')).toContain('pg_isready')
    const named = (mounts: string[], target: string) => mounts.map((m) => m.split(':')).find(([, to]) => to === target)?.[0]
    expect(Object.keys(compose.volumes)).toEqual(
      expect.arrayContaining([named(inkwell.volumes, '/app/data'), named(postgres.volumes, '/var/lib/postgresql/data')]),
    )
  })
})
