// Page weight (gzip bytes of a page's HTML and of the CSS and JavaScript it loads) read from a
// static export, and Lighthouse's mobile scores for a URL.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { CHROMIUM, WORK } from './engines/engine'

export interface Weight {
  html: number
  css: number
  js: number
  /** The files counted, for the record. */
  files: string[]
}

const gzip = (bytes: Buffer) => zlib.gzipSync(bytes, { level: 9 }).length

const attr = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'))?.[1]

/**
 * The weight of `page` (a path such as /posts/x) in the export at `root`: its HTML, the stylesheets
 * it links and the scripts it loads or preloads at once. Chunks loaded later (on a click) and
 * polyfills for browsers without modules are not counted.
 */
export function pageWeight(root: string, page: string): Weight {
  const file = page === '/' ? 'index.html' : fs.existsSync(path.join(root, `${page}.html`)) ? `${page}.html` : `${page}/index.html`
  const html = fs.readFileSync(path.join(root, file))
  const css = new Set<string>()
  const js = new Set<string>()
  for (const tag of html.toString('utf8').match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')
    // noModule scripts (polyfills) are only for browsers without ES modules: not counted.
    if (/^<script/i.test(tag) && attr(tag, 'src') && !/\snomodule\b/i.test(tag)) js.add(attr(tag, 'src')!)
    else if (rel === 'stylesheet' && attr(tag, 'href')) css.add(attr(tag, 'href')!)
    else if (
      (rel === 'preload' || rel === 'modulepreload') &&
      attr(tag, 'as') !== 'style' &&
      attr(tag, 'as') !== 'font' &&
      /\.m?js(\?|$)/.test(attr(tag, 'href') ?? '')
    )
      js.add(attr(tag, 'href')!)
  }
  const local = (url: string) => path.join(root, decodeURIComponent(url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!))
  const sum = (urls: Set<string>) =>
    [...urls].reduce((total, url) => total + (fs.existsSync(local(url)) ? gzip(fs.readFileSync(local(url))) : 0), 0)
  return { html: gzip(html), css: sum(css), js: sum(js), files: [file, ...css, ...js] }
}

export interface Scores {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  /** Largest Contentful Paint and Total Blocking Time, ms (simulated mobile). */
  lcpMs: number
  tbtMs: number
}

const LIGHTHOUSE = path.join(WORK, 'tools')
const LIGHTHOUSE_VERSION = '12.8.2' // the newest whose CLI runs on Node 20 (13.x needs Node 22)

/** Installs Lighthouse into bench/work/tools (first run); returns its version. */
export function setupLighthouse(): string {
  const bin = path.join(LIGHTHOUSE, 'node_modules/lighthouse/cli/index.js')
  if (!fs.existsSync(bin)) {
    fs.mkdirSync(LIGHTHOUSE, { recursive: true })
    fs.writeFileSync(
      path.join(LIGHTHOUSE, 'package.json'),
      JSON.stringify({ private: true, dependencies: { lighthouse: LIGHTHOUSE_VERSION } }, null, 2),
    )
    console.log('lighthouse: npm install in bench/work/tools (first run) …')
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: LIGHTHOUSE, stdio: 'inherit' })
  }
  return LIGHTHOUSE_VERSION
}

/** Lighthouse runs per page: one run's performance score moves by several points with the machine. */
export const LIGHTHOUSE_RUNS = 3

/** Each score and timing of several runs, taken separately: the middle value (the mean of the two
 * middle ones for an even count, rounded). */
export function medianScores(runs: Scores[]): Scores {
  const middle = (key: keyof Scores) => {
    const values = runs.map((r) => r[key]).sort((a, b) => a - b)
    const half = Math.floor(values.length / 2)
    return values.length % 2 ? values[half]! : Math.round((values[half - 1]! + values[half]!) / 2)
  }
  return {
    performance: middle('performance'),
    accessibility: middle('accessibility'),
    bestPractices: middle('bestPractices'),
    seo: middle('seo'),
    lcpMs: middle('lcpMs'),
    tbtMs: middle('tbtMs'),
  }
}

const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'

/** Lighthouse's default run (mobile: a mid-range phone on a slow 4G, simulated) against `url`. */
export function lighthouse(url: string, report: string): Scores {
  const result = spawnSync(
    process.execPath,
    [
      path.join(LIGHTHOUSE, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180_000 },
  )
  if (result.status !== 0 || !fs.existsSync(report))
    throw new Error(`lighthouse ${url}: ${(result.stderr || result.error?.message || '').slice(-500)}`)
  const lhr = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    categories: Record<string, { score: number | null }>
    audits: Record<string, { numericValue?: number }>
  }
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
  }
}
