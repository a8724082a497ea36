// The results of one bench run: their shape, the tables printed and put in bench/README.md, and
// the SVG plot of build time against N.
import fs from 'node:fs'
import path from 'node:path'

import type { CommentLoad } from './comments'
import type { DevRun } from './dev'
import type { Run } from './measure'
import { LIGHTHOUSE_RUNS, type Scores, type Weight } from './pages'
import type { Load } from './serve'

export interface BuildResult {
  engine: string
  posts: number
  build: Run
  rebuild?: Run
  /** `npm run check` with the compile cache emptied, then again with it warm (Inkwell only). */
  checkCold?: Run
  checkWarm?: Run
  /** `next dev` on the site just built (Inkwell only; absent from runs before it was measured). */
  dev?: DevRun
  outputMB?: number
}

export interface Results {
  date: string
  startedAt: string
  seconds: number
  seed: number
  sizes: number[]
  machine: {
    cpus: number
    memoryGB: number
    node: string
    platform: string
    /** 1-minute load average when the run started: other work on the machine skews timings. */
    loadAtStart?: number
    /** 1-minute load average when the run ended (the bench's own last minute included). */
    loadAtEnd?: number
  }
  versions: Record<string, string>
  builds: BuildResult[]
  /** Page weight, Lighthouse and serving, measured on the site of `posts` posts. */
  web?: {
    posts: number
    export?: Run
    /** Size of the static export (`npm run export`), comparable to Astro's and Hugo's output. */
    exportMB?: number
    /** `lighthouse` is the median of `lighthouseRuns` (runs before 2026-12-02 have one run and no list). */
    pages: { name: string; path: string; weight?: Weight; lighthouse?: Scores; lighthouseRuns?: Scores[] }[]
    /** JS of a bare Next.js page built in the same run (gzip bytes): the framework's floor. */
    bareJs?: number
    serving: ({ server: string; path: string } & Load)[]
    /** The comment API under load on each database (absent from runs before it was measured). */
    comments?: CommentLoad[]
  }
  /** What was skipped or failed, and what was installed. */
  notes: string[]
}

const ENGINES: Record<string, { label: string; color: string }> = {
  inkwell: { label: 'Inkwell (Next.js)', color: '#2b59c3' },
  astro: { label: 'Astro', color: '#d9480f' },
  hugo: { label: 'Hugo', color: '#2b8a3e' },
  floor: { label: 'bare Next.js, N trivial pages', color: '#868e96' },
}
const label = (engine: string) => ENGINES[engine]?.label ?? engine

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const kb = (bytes: number) => fmt(bytes / 1024, 1)

/** A run as a table cell: its seconds, or what went wrong (with the memory an OOM reached). */
function seconds(run: Run | undefined): string {
  if (!run) return '—'
  if (run.status === 'ok') return fmt(run.seconds, 1)
  if (run.status === 'out of memory') return `out of memory at ${fmt(run.peakMB)} MB`
  if (run.status === 'timed out') return `timed out (${fmt(run.seconds)} s)`
  return `failed (exit ${run.exitCode})`
}

const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n')

/** Inkwell's build time and peak memory divided by another engine's at the same N. */
function ratio(results: Results, row: BuildResult, other: string): string {
  const them = results.builds.find((b) => b.engine === other && b.posts === row.posts)
  if (row.engine !== 'inkwell' || !them || row.build.status !== 'ok' || them.build.status !== 'ok') return '—'
  return `${fmt(row.build.seconds / them.build.seconds, 1)}× / ${fmt(row.build.peakMB / them.build.peakMB, 1)}×`
}

export function buildTable(results: Results): string {
  const rows = results.builds.map((b) => [
    fmt(b.posts),
    label(b.engine),
    seconds(b.build),
    b.build.status === 'ok' ? fmt((b.build.seconds * 1000) / b.posts) : '—',
    fmt(b.build.peakMB),
    b.outputMB === undefined ? '—' : fmt(b.outputMB, 1),
    seconds(b.rebuild),
    b.checkCold ? `${seconds(b.checkCold)} / ${seconds(b.checkWarm)}` : '—',
    ratio(results, b, 'astro'),
    ratio(results, b, 'hugo'),
    ratio(results, b, 'floor'),
  ])
  return table(
    [
      'N',
      'engine',
      'build s',
      'ms/post',
      'peak MB',
      'output MB',
      'rebuild s',
      'check s (cold / warm)',
      'vs Astro (time / memory)',
      'vs Hugo (time / memory)',
      'vs the Next.js floor (time / memory)',
    ],
    rows,
  )
}

/** `next dev` at each N: the first post page after starting, and edits saved to that post. */
export function devTable(results: Results): string {
  const runs = results.builds.filter((b) => b.dev)
  if (!runs.length) return ''
  const ok = (b: BuildResult, value: number | undefined, digits: number) =>
    b.dev!.status === 'ok' && value !== undefined ? fmt(value, digits) : '—'
  return [
    "**`next dev`** on the same site, in seconds: from starting the dev server to the first answer of the newest post, with the compile cache the build left; with that page open in Chromium, from saving a paragraph added to the post to the page showing it (the page's reloader polls every 300 ms, and the server starts reloading when it sees the save); then, with the browser closed, from saving a second edit to the page's HTML having it, the server's part alone; last, the first answer again from empty caches (no compiled posts and none of next dev's own), as after a fresh clone:",
    table(
      ['N', 'engine', 'first post page s', 'edit on screen s', "edit in the page's HTML s", 'first post page, empty caches s'],
      runs.map((b) => [
        fmt(b.posts),
        label(b.engine),
        b.dev!.status === 'ok' ? fmt(b.dev!.firstPageSeconds!, 1) : `failed: ${b.dev!.error}`,
        ok(b, b.dev!.editOnScreenSeconds, 2),
        ok(b, b.dev!.editSeconds, 2),
        ok(b, b.dev!.coldFirstPageSeconds, 1),
      ]),
    ),
  ].join('\n\n')
}

export function webTables(results: Results): string {
  const web = results.web
  if (!web) return '_Page weight, Lighthouse and serving were not measured in this run._'
  const parts: string[] = []
  const weighed = web.pages.filter((p) => p.weight)
  if (weighed.length) {
    const floor = web.bareJs
    parts.push(
      `**Page weight** (gzip -9, KB; the HTML and the CSS and JavaScript it loads at once) on the static export of ${fmt(web.posts)} posts` +
        `${web.exportMB === undefined ? '' : ` (${fmt(web.exportMB, 1)} MB in all)`}. ` +
        `A bare Next.js page built in the same run loads ${floor === undefined ? 'an unknown amount of' : `${kb(floor)} KB of`} JavaScript: the framework's floor.`,
      table(
        ['page', 'path', 'HTML', 'CSS', 'JS', 'JS above the floor'],
        weighed.map(({ name, path: p, weight: w }) => [
          name,
          `\`${p}\``,
          kb(w!.html),
          kb(w!.css),
          kb(w!.js),
          floor === undefined ? '—' : kb(w!.js - floor),
        ]),
      ),
    )
  }
  const scored = web.pages.filter((p) => p.lighthouse)
  if (scored.length) {
    const counts = [...new Set(scored.map((p) => p.lighthouseRuns?.length ?? 1))]
    // A cell is the median, then every run's value when there was more than one.
    const cell = (page: (typeof scored)[number], key: keyof Scores) => {
      const runs = page.lighthouseRuns ?? []
      const median = fmt(page.lighthouse![key])
      return runs.length > 1 ? `${median} (${runs.map((r) => fmt(r[key])).join(', ')})` : median
    }
    parts.push(
      `**Lighthouse** (mobile, simulated throttling) under \`next start\`, ${counts.length === 1 && counts[0] === 1 ? 'one run per page' : `the median of ${counts.join(' or ')} runs per page, each run's value in brackets`}:`,
      table(
        ['page', 'path', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP ms', 'TBT ms'],
        scored.map((page) => [
          page.name,
          `\`${page.path}\``,
          ...(['performance', 'accessibility', 'bestPractices', 'seo', 'lcpMs', 'tbtMs'] as const).map((key) => cell(page, key)),
        ]),
      ),
    )
  }
  if (web.serving.length) {
    parts.push(
      '**Serving** a post page (wrk, 30 s, 64 connections, 2 threads, gzip accepted, on the same machine; errors are non-2xx/3xx responses and socket errors, timeouts after 2 s included):',
      table(
        ['server', 'path', 'requests/s', 'p99 ms', 'errors'],
        web.serving.map((s) => [s.server, `\`${s.path}\``, fmt(s.requestsPerSecond), fmt(s.p99Ms, 1), fmt(s.errors)]),
      ),
    )
  }
  if (web.comments?.length) {
    const seeded = web.comments[0]!.seeded
    parts.push(
      `**Comments** under \`next start\` (wrk as above; GET is a post's ${seeded} approved comments, rendered, and a form token; POST stores a new comment from the island, rate limit raised; *stored* is what the database held afterwards, to compare with the requests answered):`,
      table(
        ['database', 'request', 'requests/s', 'p99 ms', 'errors', 'requests', 'stored'],
        web.comments.map((c) => [
          c.engine,
          `${c.request} \`${c.path}\``,
          fmt(c.requestsPerSecond),
          fmt(c.p99Ms, 1),
          fmt(c.errors),
          fmt(c.requests),
          c.stored === undefined ? '—' : fmt(c.stored),
        ]),
      ),
    )
  }
  return parts.join('\n\n')
}

const notes = (results: Results) => (results.notes.length ? results.notes.map((n) => `- ${n}`).join('\n') : '- none')

/** Everything printed at the end of a run. */
export function summary(results: Results): string {
  return [
    `Builds (${results.date}, seed ${results.seed}):\n`,
    buildTable(results),
    '',
    ...(devTable(results) ? [devTable(results), ''] : []),
    webTables(results),
    '',
    'Notes:',
    notes(results),
  ].join('\n')
}

/** A line plot of build time against N (log scale), one line per engine. */
export function buildTimeSvg(results: Results): string {
  const W = 720,
    H = 440,
    left = 70,
    right = 180,
    top = 50,
    bottom = 60
  const ok = results.builds.filter((b) => b.build.status === 'ok')
  const sizes = [...new Set(results.builds.map((b) => b.posts))].sort((a, b) => a - b)
  const minN = sizes[0] ?? 1,
    maxN = sizes.at(-1) ?? 10
  const lo = Math.log10(minN) - 0.15,
    hi = Math.log10(maxN) + 0.15
  const maxS = niceCeil(Math.max(1, ...results.builds.map((b) => b.build.seconds)))
  const x = (n: number) => left + ((Math.log10(n) - lo) / (hi - lo)) * (W - left - right)
  const y = (s: number) => H - bottom - (s / maxS) * (H - top - bottom)
  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="13">`,
  )
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`)
  out.push(`<text x="${left}" y="28" font-size="16" font-weight="600">Cold build time against number of posts (${results.date})</text>`)
  // y grid and labels
  for (let i = 0; i <= 5; i++) {
    const s = (maxS / 5) * i
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(s)}" y2="${y(s)}" stroke="#e5e5e5"/>`)
    out.push(`<text x="${left - 8}" y="${y(s) + 4}" text-anchor="end" fill="#444">${fmt(s, maxS < 5 ? 1 : 0)}</text>`)
  }
  for (const n of sizes) {
    out.push(`<line x1="${x(n)}" x2="${x(n)}" y1="${top}" y2="${H - bottom}" stroke="#f0f0f0"/>`)
    out.push(`<text x="${x(n)}" y="${H - bottom + 18}" text-anchor="middle" fill="#444">${fmt(n)}</text>`)
  }
  out.push(`<line x1="${left}" x2="${W - right}" y1="${H - bottom}" y2="${H - bottom}" stroke="#888"/>`)
  out.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}" stroke="#888"/>`)
  out.push(`<text x="${(left + W - right) / 2}" y="${H - 18}" text-anchor="middle" fill="#222">posts (log scale)</text>`)
  out.push(
    `<text transform="translate(20 ${(top + H - bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#222">build time, seconds</text>`,
  )
  const engines = [...new Set(results.builds.map((b) => b.engine))]
  engines.forEach((engine, i) => {
    const { color } = ENGINES[engine] ?? { color: '#666' }
    const points = ok.filter((b) => b.engine === engine).sort((a, b) => a.posts - b.posts)
    if (points.length > 1)
      out.push(
        `<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${points.map((p) => `${x(p.posts).toFixed(1)},${y(p.build.seconds).toFixed(1)}`).join(' ')}"/>`,
      )
    for (const p of points)
      out.push(
        `<circle cx="${x(p.posts).toFixed(1)}" cy="${y(p.build.seconds).toFixed(1)}" r="4" fill="${color}"><title>${label(engine)}: ${fmt(p.posts)} posts, ${fmt(p.build.seconds, 1)} s</title></circle>`,
      )
    // A build that did not finish: a cross at the time it stopped, and why.
    for (const b of results.builds.filter((b) => b.engine === engine && b.build.status !== 'ok')) {
      const [cx, cy] = [x(b.posts), y(b.build.seconds)]
      out.push(
        `<path d="M${cx - 6},${cy - 6}L${cx + 6},${cy + 6}M${cx - 6},${cy + 6}L${cx + 6},${cy - 6}" stroke="${color}" stroke-width="3"/>`,
      )
      out.push(
        `<text x="${cx - 10}" y="${cy - 10}" text-anchor="end" fill="${color}" font-weight="600" stroke="#fff" stroke-width="4" paint-order="stroke">${label(engine)}: ${b.build.status} after ${fmt(b.build.seconds)} s</text>`,
      )
    }
    const ly = top + 10 + i * 24
    out.push(`<line x1="${W - right + 20}" x2="${W - right + 44}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"/>`)
    out.push(`<circle cx="${W - right + 32}" cy="${ly}" r="4" fill="${color}"/>`)
    out.push(`<text x="${W - right + 52}" y="${ly + 4}" fill="#222">${label(engine)}</text>`)
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}

/** 1, 2, 5 × 10^k at or above `n`. */
function niceCeil(n: number): number {
  const p = 10 ** Math.floor(Math.log10(n))
  return ([1, 2, 5, 10].find((m) => m * p >= n) ?? 10) * p
}

/** bench/README.md: how to run, what is measured, and the tables of the newest results file. */
export function readme(results: Results, file: string): string {
  const v = results.versions
  const m = results.machine
  return `# Benchmarks

<!-- Written by \`npm run bench\` (bench/report.ts); edit that, not this file. -->

How Inkwell's build scales with the number of posts, next to Astro and Hugo building the same
posts, and what its pages weigh and how fast they are served.

\`\`\`sh
npm run bench -- --sizes 100,1000            # a quick run: a few minutes
npm run bench                                # N = 100, 1,000, 5,000 and 10,000: hours
npm run bench -- --sizes 100 --engines inkwell,hugo --skip-serve --skip-lighthouse --seed 7
\`\`\`

Other options: \`--ref <git ref>\` (the commit to measure; default \`HEAD\`), \`--timeout <minutes>\`
(per build; default 120). Hugo, nginx, wrk, Chromium and PostgreSQL come from apt when missing (as root);
Astro and Lighthouse are installed with npm into \`bench/work/\` on the first run. Whatever cannot
be installed is skipped, with a note. Every run writes \`bench/results/<date>.json\` (a second
run that day \`<date>-2.json\`, and so on) with its plot beside it (\`<date>.svg\`), and this file
and \`bench/results/build-time.svg\` from the newest run; \`npm run bench -- --report\` writes
them again from the results files without measuring. Benchmarks are not part of \`npm test\`.

## Method

- **Corpus.** \`bench/corpus.ts\` writes N posts from a seed: about 1,500 words each, with
  headings, two admonitions (one written as a GitHub alert), a highlighted code block, a
  co-located figure, a stats row, categories, tags, some series, all dated in the past. The same posts are converted
  for Astro (MDX with our components, \`bench/engines/astro/\`) and Hugo (Markdown with our
  shortcodes, \`bench/engines/hugo/\`), each with small layouts of ours: paginated home, post
  pages with a table of contents, category, tag and series pages, a feed.
- **Inkwell** is built from a snapshot of the commit (\`git archive\`) in \`inkwell-bench/site\` in the
  system's temporary folder, outside the repository as a clone or an unpacked archive is (inside
  \`bench/work/\`, which the repository ignores, Tailwind would read every file there), so the developer's \`.next/\`, \`out/\` and compile cache are never touched. *Build* is
  \`npm run build\` (the content check, \`next build\` and the search index) with an empty
  \`.next/\` and an empty compile cache. *Rebuild* appends a paragraph to the newest post and runs
  it again, caches warm. *next dev* then starts the dev server on the compile cache the rebuild
  left and times the newest post's first answer. It opens that page in Chromium, waits for its
  scripts to load, for every other request than the reloader's to be answered (the page's
  comments load after it) and for 2 s without a new one, saves a new paragraph into the post and
  times how long until the page shows it; then, with the browser closed, it saves another and
  times how long until the page's HTML has it. Last it stops the server, empties the compile
  cache and \`.next/dev\`, and times the first answer again (\`--skip-dev\` leaves all this out).
  *Check* is \`npm run check\` with the compile cache emptied, then warm.
- **Astro** builds with Node's default heap (no \`--max-old-space-size\`), its data store and Vite
  caches removed first; **Hugo** with its output and caches removed. Their rebuild edits the
  same post. A build that runs out of memory is recorded as such with the memory it reached.
- **Peak memory** is the largest sum of resident memory (RSS) over the build's whole process
  tree (npm, Node and every worker), sampled from /proc every 100 ms. Shared pages count once per
  process, so this overstates real use a little, the same way for every engine.
- **Output** is what a host serves: Astro's \`dist/\`, Hugo's \`public/\`, Inkwell's \`.next/\`
  without Next's own cache and traces (what \`next start\` needs, server code and prerendered
  pages with their RSC payloads included). The size of Inkwell's static export, the closer match
  to the others' output, is given with the page weights.
- **Ratios** are Inkwell's build time and peak memory divided by the other engine's at the same N.
- **The Next.js floor** at each N is a bare Next.js app with N trivial static pages (a heading
  and a paragraph each), built cold with the same \`next\` and the same worker count as Inkwell
  (\`experimental.cpus\`). Inkwell's ratio to it says how much of a build is ours: at 1.0× all of
  it would be the framework's. Inkwell makes more than one page per post (the post, its social
  card, list pages), so the floor is a lower bound no engine on Next can reach.
- **Page weight** is read from Inkwell's static export (\`npm run export\`) of the smallest N: the
  gzip (-9) size of the HTML, and of the stylesheets and scripts it loads at once (not chunks
  loaded on demand, such as search). The floor is the JavaScript of a bare Next.js page (one
  static page, no code of ours) built in the same run with the same \`next\`.
- **Lighthouse** (mobile defaults) runs ${LIGHTHOUSE_RUNS} times per page against \`next start\`; the table gives
  the median of each score and every run's value; **wrk** (\`-t2 -c64 -d30s\`, with
  \`Accept-Encoding: gzip\` as browsers send) requests a post page under \`next start\` and the
  static export under nginx (the commit's \`deploy/nginx.conf\` when it has one, else a minimal
  config); then \`next start\` with \`INKWELL_COMPRESS=0\` (no compression of its own), alone and
  behind nginx with \`deploy/nginx-lb.conf\`, which compresses instead. Load generator and servers
  share the machine's cores.
- **Comments**: the same wrk settings against the comment API under \`next start\` on the same
  build, first with the embedded database (PGlite in a fresh folder), then with a PostgreSQL
  server started for the run (\`initdb\` + \`pg_ctl\`, fsync on). The post is seeded with
  approved comments, threaded; GET asks for them, POST sends new comments as the comment island
  does (a form token, a different body each time) with the per-client rate limit raised, since
  every request comes from 127.0.0.1. Under the default policy new comments wait for moderation.
  \`--skip-comments\` leaves this out.

Timings vary with the machine and whatever else runs on it: compare runs made on the same
machine, and read the ratios more than the seconds. What was changed to make Inkwell faster, with
figures before and after each change, is in [optimizations.md](optimizations.md).

## Results

From \`${path.basename(file)}\` (${results.date}): ${m.cpus} cores, ${fmt(m.memoryGB)} GB, Node ${m.node}, ${m.platform}, load average ${m.loadAtStart === undefined ? 'unknown' : fmt(m.loadAtStart, 1)} at the start and ${m.loadAtEnd === undefined ? 'unknown' : fmt(m.loadAtEnd, 1)} at the end; seed ${results.seed}; the run took ${fmt(results.seconds / 60, 1)} min.
Versions: ${Object.entries(v)
    .map(([k, val]) => `${k} ${val}`)
    .join(', ')}.

${buildTable(results)}

![Cold build time against the number of posts, per engine](results/build-time.svg)
${devTable(results) ? `\n${devTable(results)}\n` : ''}
${webTables(results)}

Notes:

${notes(results)}
`
}

/** The newest results file in `dir` (names are dates). */
// A date's first run is <date>.json, later runs that day <date>-2.json, <date>-3.json and so on:
// a second run never overwrites the first.
const RESULTS_FILE = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.json$/

/** The results files in dir, oldest run first. */
export function resultsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  const runs = fs.readdirSync(dir).flatMap((f) => {
    const m = RESULTS_FILE.exec(f)
    return m ? [{ f, date: m[1]!, n: Number(m[2] ?? 1) }] : []
  })
  runs.sort((a, b) => (a.date === b.date ? a.n - b.n : a.date < b.date ? -1 : 1))
  return runs.map((r) => path.join(dir, r.f))
}

export function newestResults(dir: string): string | undefined {
  return resultsFiles(dir).at(-1)
}

/**
 * Draws each run's plot beside its results (`<run>.svg`), and the newest run's as
 * build-time.svg with bench/README.md: a later run over fewer sizes leaves the full run's plot in
 * place. Everything comes from the results files, so this can be redone without measuring
 * (`npm run bench -- --report`). Returns the newest results file.
 */
export function writeReports(dir: string, readmeFile: string): string | undefined {
  const files = resultsFiles(dir)
  for (const file of files) {
    const results = JSON.parse(fs.readFileSync(file, 'utf8')) as Results
    fs.writeFileSync(file.replace(/\.json$/, '.svg'), buildTimeSvg(results))
  }
  const newest = files.at(-1)
  if (!newest) return undefined
  const shown = JSON.parse(fs.readFileSync(newest, 'utf8')) as Results
  fs.writeFileSync(path.join(dir, 'build-time.svg'), buildTimeSvg(shown))
  fs.writeFileSync(readmeFile, readme(shown, newest))
  return newest
}

/** Where a run on date writes its results: the date's first free name. */
export function nextResultsFile(dir: string, date: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(dir, n === 1 ? `${date}.json` : `${date}-${n}.json`)
    if (!fs.existsSync(file)) return file
  }
}
