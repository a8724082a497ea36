// npm run bench -- [--sizes 100,1000] [--engines inkwell,astro,hugo] [--skip-serve] [--skip-lighthouse] [--skip-comments] [--skip-dev]
//                  [--seed 42] [--ref HEAD] [--timeout 120]
// Generates a corpus per size, builds it with each engine, measures Inkwell's pages and serving on
// the smallest size (comment load too), prints the tables and writes bench/results/<date>.json
// (<date>-2.json for a second run that day) and its plot, bench/README.md and
// bench/results/build-time.svg; with --report only the last three, from the stored results.
// bench/README.md explains the method.
import { spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { commentLoad } from './comments'
import { writeCorpus } from './corpus'
import { measureDev } from './dev'
import { astro } from './engines/astro'
import { BARE_EXPORT, buildBare, buildFloor } from './engines/bare'
import { CHROMIUM, postSlugs, ROOT, WORK, type BuildContext, type Engine } from './engines/engine'
import { hugo } from './engines/hugo'
import { CACHE, DEV_CACHE, EXPORT, inkwell, nextStart, SITE } from './engines/inkwell'
import { dirBytes, killRunning, round, type Run } from './measure'
import { lighthouse, LIGHTHOUSE_RUNS, medianScores, pageWeight, setupLighthouse, type Scores } from './pages'
import { nextResultsFile, summary, writeReports, type BuildResult, type Results } from './report'
import { freePort, NGINX, startNginx, startProxy, stop, waitFor, wrk } from './serve'

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000,10000' },
    engines: { type: 'string', default: 'inkwell,astro,hugo' },
    'skip-serve': { type: 'boolean', default: false },
    'skip-lighthouse': { type: 'boolean', default: false },
    'skip-dev': { type: 'boolean', default: false },
    'skip-comments': { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    ref: { type: 'string', default: 'HEAD' },
    timeout: { type: 'string', default: '120' },
    report: { type: 'boolean', default: false },
  },
})
// --report: bench/README.md and the plots written again from the results files; nothing measured.
if (args.report) {
  const newest = writeReports(path.join(ROOT, 'bench', 'results'), path.join(ROOT, 'bench', 'README.md'))
  console.log(newest ? `wrote bench/README.md and the plots from ${path.relative(ROOT, newest)}` : 'no results in bench/results')
  process.exit(0)
}
const sizes = args.sizes
  .split(',')
  .map((s) => Number(s.replace(/[_,]/g, '')))
  .sort((a, b) => a - b)
const wanted = args.engines.split(',').map((s) => s.trim())
const seed = Number(args.seed)
const timeoutMs = Number(args.timeout) * 60_000
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(seed) || !(timeoutMs > 0)) {
  console.error(
    'usage: npm run bench -- --sizes 100,1000 [--engines inkwell,astro,hugo] [--skip-serve] [--skip-lighthouse] [--skip-comments] [--skip-dev] [--seed 42] [--ref HEAD] [--timeout 120] | --report',
  )
  process.exit(2)
}
const unknown = wanted.filter((e) => !['inkwell', 'astro', 'hugo'].includes(e))
if (unknown.length) {
  console.error(`unknown engine ${unknown.join(', ')} (inkwell, astro, hugo)`)
  process.exit(2)
}

const started = Date.now()
const loadAtStart = round(os.loadavg()[0]!, 2)
const notes: string[] = []
const note = (text: string) => {
  notes.push(text)
  console.log(`note: ${text}`)
}
// Work left running on the machine before the bench starts skews every timing: said in the results.
if (loadAtStart > os.cpus().length / 4)
  note(
    `the machine was busy when the run started (1-minute load average ${loadAtStart} on ${os.cpus().length} cores): timings are slower than on an idle machine`,
  )
const servers = new Set<ChildProcess>()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killRunning()
    for (const server of servers) if (server.pid) process.kill(-server.pid, 'SIGKILL')
    process.exit(130)
  })
}

// --- Tools from apt, when missing --------------------------------------------------------------
const has = (command: string) =>
  spawnSync('sh', ['-c', `command -v ${command} || test -x /usr/sbin/${command} || ls /usr/lib/postgresql/*/bin/${command}`], {
    stdio: 'ignore',
  }).status === 0
const needed: [string, string][] = [
  ...(wanted.includes('hugo') ? ([['hugo', 'hugo']] as [string, string][]) : []),
  ...(args['skip-serve']
    ? []
    : ([['wrk', 'wrk'], ['nginx', 'nginx'], ...(args['skip-comments'] ? [] : [['initdb', 'postgresql']])] as [string, string][])),
  ...(args['skip-lighthouse'] && args['skip-dev'] ? [] : ([['chromium', 'chromium']] as [string, string][])),
]
const missing = needed.filter(([command]) => !has(command)).map(([, pkg]) => pkg)
if (missing.length) {
  console.log(`apt-get install ${missing.join(' ')} …`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const quiet: SpawnSyncOptions = { env, stdio: ['ignore', 'ignore', 'inherit'] }
  const update = spawnSync('apt-get', ['update', '-qq'], quiet)
  const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...missing], quiet) : update
  if (install.status === 0) note(`installed with apt: ${missing.join(', ')}`)
  else note(`apt-get install ${missing.join(' ')} failed (root is needed); what needs them is skipped`)
}
const versionOf = (command: string, args: string[], pattern: RegExp) => {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.match(pattern)?.[1]
}

// --- Engines ----------------------------------------------------------------------------------
const versions: Record<string, string> = {}
const ink = inkwell(args.ref)
const engines: Engine[] = []
for (const engine of [ink, astro(), hugo()].filter((e) => wanted.includes(e.name))) {
  try {
    versions[engine.name] = await engine.setup()
    engines.push(engine)
  } catch (error) {
    note(`${engine.name} skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
  }
}

const logs = path.join(WORK, 'logs')
fs.rmSync(logs, { recursive: true, force: true })
const context = (name: string): BuildContext => ({ timeoutMs, log: (step) => path.join(logs, `${name}-${step}.log`) })
const show = (what: string, run: Run) =>
  console.log(
    `  ${what.padEnd(34)} ${run.status === 'ok' ? `${run.seconds.toFixed(2)} s` : `${run.status} (exit ${run.exitCode}, see ${path.relative(ROOT, run.log)})`}, peak ${run.peakMB} MB`,
  )

const builds: BuildResult[] = []
let web: Results['web']
for (const posts of sizes) {
  console.log(`\n${posts} posts (seed ${seed})`)
  const content = writeCorpus({ dir: path.join(WORK, `corpus-${posts}`), posts, seed })
  // Every engine converts the corpus before any of them edits a post for its rebuild.
  for (const engine of engines) engine.prepare(content)
  for (const engine of engines) {
    const ctx = context(`${engine.name}-${posts}`)
    const result: BuildResult = { engine: engine.name, posts, build: await engine.build(ctx) }
    show(`${engine.name} build`, result.build)
    if (result.build.status === 'ok') {
      result.outputMB = round(engine.outputBytes() / 2 ** 20, 1)
      result.rebuild = await engine.rebuild(ctx)
      show(`${engine.name} rebuild (one post edited)`, result.rebuild)
    }
    if (engine === ink) {
      // next dev first, on the compile cache the build left; then from empty caches.
      if (!args['skip-dev']) {
        const slug = postSlugs(content).at(-1)!
        const browser = fs.existsSync(CHROMIUM) ? CHROMIUM : undefined
        result.dev = await measureDev({ site: SITE, content, slug, log: ctx.log('dev'), browser, cold: [CACHE, DEV_CACHE] })
        console.log(
          result.dev.status === 'ok'
            ? `  inkwell next dev                   first post page ${result.dev.firstPageSeconds} s, an edit on screen ${result.dev.editOnScreenSeconds ?? '—'} s, in the HTML ${result.dev.editSeconds} s; from empty caches, first post page ${result.dev.coldFirstPageSeconds} s`
            : `  inkwell next dev                   failed: ${result.dev.error} (see ${path.relative(ROOT, result.dev.log)})`,
        )
      }
      result.checkCold = await ink.check(ctx, 'cold')
      show('inkwell check (cold cache)', result.checkCold)
      result.checkWarm = await ink.check(ctx, 'warm')
      show('inkwell check (warm cache)', result.checkWarm)
    }
    builds.push(result)
  }
  // The framework's floor at this N: a bare Next.js app with N trivial pages, same next, same workers.
  if (engines.includes(ink)) {
    const floor: BuildResult = {
      engine: 'floor',
      posts,
      build: await buildFloor(posts, timeoutMs, path.join(logs, `floor-${posts}-build.log`)),
    }
    show(`bare Next.js build, ${posts} pages`, floor.build)
    builds.push(floor)
  }
  // Pages and serving once, on the smallest site, while its build is still in place.
  if (posts === sizes[0] && builds.find((b) => b.engine === 'inkwell' && b.posts === posts)?.build.status === 'ok')
    web = await measureWeb(posts)
}

// --- Page weight, Lighthouse, serving -----------------------------------------------------------
async function measureWeb(posts: number): Promise<NonNullable<Results['web']>> {
  console.log(`\npages and serving (${posts} posts)`)
  const post = '/posts/post-00001'
  const result: NonNullable<Results['web']> = {
    posts,
    pages: [
      { name: 'home', path: '/' },
      { name: 'post', path: post },
    ],
    serving: [],
  }
  const canLighthouse = !args['skip-lighthouse'] && fs.existsSync(CHROMIUM)
  const canWrk = !args['skip-serve'] && has('wrk')
  if (!args['skip-lighthouse'] && !canLighthouse) note(`Lighthouse skipped: no ${CHROMIUM}`)
  if (!args['skip-serve'] && !canWrk) note('serving skipped: no wrk')
  if (canLighthouse) {
    try {
      versions.lighthouse = setupLighthouse()
      versions.chromium = versionOf(CHROMIUM, ['--version'], /Chromium ([\d.]+)/) ?? 'unknown'
    } catch (error) {
      note(`Lighthouse skipped: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
    }
  }

  // next start on the build just measured.
  if (versions.lighthouse || canWrk) {
    const port = await freePort()
    const next = nextStart(ink.content, port, path.join(logs, 'next-start.log'))
    servers.add(next)
    const url = `http://127.0.0.1:${port}`
    try {
      await waitFor(url, next)
      if (versions.lighthouse) {
        for (const page of result.pages) {
          try {
            const runs: Scores[] = []
            for (let run = 1; run <= LIGHTHOUSE_RUNS; run++)
              runs.push(lighthouse(url + page.path, path.join(logs, `lighthouse-${page.name}-${run}.json`)))
            page.lighthouseRuns = runs
            page.lighthouse = medianScores(runs)
            console.log(
              `  lighthouse ${page.path}: performance ${runs.map((r) => r.performance).join(', ')} (median ${page.lighthouse.performance}), accessibility ${page.lighthouse.accessibility}`,
            )
          } catch (error) {
            note(`Lighthouse failed on ${page.path}: ${error instanceof Error ? error.message : error}`)
          }
        }
      }
      if (canWrk) result.serving.push(load('next start', url, post))
    } catch (error) {
      note(`next start: ${error instanceof Error ? error.message : error} (see bench/work/logs/next-start.log)`)
    } finally {
      await stop(next)
      servers.delete(next)
    }
  }

  // Compression at the proxy: the same build with INKWELL_COMPRESS=0, alone (it sends more bytes
  // for less work) and behind nginx with deploy/nginx-lb.conf, which compresses instead. Commits
  // from before INKWELL_COMPRESS existed would compress anyway: they are left out.
  const lbConf = path.join(SITE, 'deploy', 'nginx-lb.conf')
  if (canWrk && fs.readFileSync(path.join(SITE, 'next.config.mjs'), 'utf8').includes('INKWELL_COMPRESS')) {
    const port = await freePort()
    const next = nextStart(ink.content, port, path.join(logs, 'next-start-uncompressed.log'), { INKWELL_COMPRESS: '0' })
    servers.add(next)
    const url = `http://127.0.0.1:${port}`
    try {
      await waitFor(url, next)
      result.serving.push(load('next start, INKWELL_COMPRESS=0', url, post))
      if (has('nginx') && fs.existsSync(lbConf)) {
        const proxy = startProxy(port, await freePort(), lbConf)
        servers.add(proxy.child)
        try {
          await waitFor(proxy.url, proxy.child)
          result.serving.push(load('nginx with deploy/nginx-lb.conf in front of it', proxy.url, post))
        } finally {
          await stop(proxy.child, 'SIGQUIT')
          servers.delete(proxy.child)
        }
      }
    } catch (error) {
      note(
        `next start, INKWELL_COMPRESS=0: ${error instanceof Error ? error.message : error} (see bench/work/logs/next-start-uncompressed.log)`,
      )
    } finally {
      await stop(next)
      servers.delete(next)
    }
  }

  // Comment load on the same build, with each database.
  if (canWrk && !args['skip-comments'])
    result.comments = await commentLoad({ content: ink.content, post: 'post-00001', logs, log: console.log, servers }, note)

  // The static export: page weight, and nginx.
  result.export = await ink.exportSite(context(`inkwell-${posts}`))
  show('inkwell export', result.export)
  if (result.export.status === 'ok') {
    result.exportMB = round(dirBytes(EXPORT) / 2 ** 20, 1)
    for (const page of result.pages) page.weight = pageWeight(EXPORT, page.path)
    if (canWrk && has('nginx')) {
      versions.nginx = versionOf(NGINX, ['-v'], /nginx\/([\d.]+)/) ?? 'unknown'
      const nginx = startNginx(EXPORT, await freePort(), path.join(SITE, 'deploy', 'nginx.conf'))
      servers.add(nginx.child)
      try {
        await waitFor(nginx.url, nginx.child)
        result.serving.push(load(`nginx, ${nginx.config}`, nginx.url, post))
      } catch (error) {
        note(`nginx: ${error instanceof Error ? error.message : error} (see bench/work/nginx/error.log)`)
      } finally {
        await stop(nginx.child, 'SIGQUIT')
        servers.delete(nginx.child)
      }
    } else if (canWrk) note('nginx skipped: not installed')
  }

  const bare = await buildBare(timeoutMs, path.join(logs, 'bare-build.log'))
  show('bare Next.js page build', bare)
  if (bare.status === 'ok') result.bareJs = pageWeight(BARE_EXPORT, '/').js
  else note('the bare Next.js page did not build: no JavaScript floor (see bench/work/logs/bare-build.log)')
  return result
}

function load(server: string, url: string, page: string) {
  versions.wrk ??= versionOf('wrk', ['-v'], /wrk \D*([\d.]+)/) ?? 'unknown'
  const { output, ...numbers } = wrk(url + page)
  fs.writeFileSync(path.join(logs, `wrk-${server.toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '')}.txt`), output)
  console.log(`  wrk ${server}: ${numbers.requestsPerSecond} requests/s, p99 ${numbers.p99Ms} ms, ${numbers.errors} errors`)
  return { server, path: page, ...numbers }
}

// --- Results -----------------------------------------------------------------------------------
const now = new Date()
const date = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
const relative = (run?: Run) => run && { ...run, log: path.relative(ROOT, run.log) }
const results: Results = {
  date,
  startedAt: new Date(started).toISOString(),
  seconds: Math.round((Date.now() - started) / 1000),
  seed,
  sizes,
  machine: {
    cpus: os.cpus().length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.versions.node,
    platform: `${os.type()} ${os.release()}`,
    loadAtStart,
    // The bench's own last minute is in it; compared with the start, it shows whether load rose.
    loadAtEnd: round(os.loadavg()[0]!, 2),
  },
  versions,
  builds: builds.map((b) => ({
    ...b,
    build: relative(b.build)!,
    rebuild: relative(b.rebuild),
    checkCold: relative(b.checkCold),
    checkWarm: relative(b.checkWarm),
  })),
  web: web && { ...web, export: relative(web.export) },
  notes,
}
const dir = path.join(ROOT, 'bench', 'results')
fs.mkdirSync(dir, { recursive: true })
const file = nextResultsFile(dir, date)
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
// The README and plot show the newest results file: this run's, unless the clock went back.
writeReports(dir, path.join(ROOT, 'bench', 'README.md'))
console.log(`\n${summary(results)}\n\nwrote ${path.relative(ROOT, file)}, bench/results/build-time.svg and bench/README.md`)
