// Runs a command and measures it: wall time, and the peak memory of its whole process tree
// (a build is npm → tsx/node → Next's worker processes; one process's RSS would miss most of it).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export type Status = 'ok' | 'out of memory' | 'timed out' | 'failed'

/** One measured run. */
export interface Run {
  status: Status
  seconds: number
  /** The largest sum of resident memory over the process and all its descendants, sampled every 100 ms. */
  peakMB: number
  exitCode: number | null
  /** Where its output went. */
  log: string
}

export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Killed (with its whole tree) after this long. */
  timeoutMs: number
  /** stdout and stderr are written here. */
  log: string
}

const PAGE_BYTES = 4096

// Process groups of the runs under way: interrupting the bench ends them too.
const running = new Set<number>()

/** Kills every measured run still under way (with its process tree). */
export function killRunning(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
}

/** Parent pid of every process now running, read from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name (field 2) is in parentheses and may contain spaces: parse after it.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      map.set(Number(name), ppid)
    } catch {
      // The process exited between readdir and read.
    }
  }
  return map
}

/** Resident bytes of `root` and all its descendants now. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>()
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    try {
      // statm: size resident shared ... in pages.
      total += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_BYTES
    } catch {
      continue
    }
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

// V8 prints this when a heap limit is hit; the process then aborts (exit 134, SIGABRT).
const OOM = /heap out of memory|Allocation failed - JavaScript heap|fatal error: runtime: out of memory/i

/** Runs `command args`, sampling the memory of its process tree, with a hard timeout. */
export async function measure(command: string, args: string[], options: RunOptions): Promise<Run> {
  fs.mkdirSync(path.dirname(options.log), { recursive: true })
  const log = fs.openSync(options.log, 'w')
  fs.writeSync(log, `$ ${command} ${args.join(' ')}\n# in ${options.cwd}\n`)
  const started = performance.now()
  // Its own process group, so a timeout can kill the whole tree at once.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', log, log], detached: true })
  if (child.pid) running.add(child.pid)
  let peak = 0
  const sample = () => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid))
  }
  const sampler = setInterval(sample, 100)
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    if (child.pid) process.kill(-child.pid, 'SIGKILL')
  }, options.timeoutMs)
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('error', () => resolve({ code: null, signal: null }))
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })
  const seconds = (performance.now() - started) / 1000
  if (child.pid) running.delete(child.pid)
  clearInterval(sampler)
  clearTimeout(timer)
  fs.closeSync(log)
  // A worker that ran out of memory may have been killed while its parent exited with 1: read the log.
  const oom = code === 134 || signal === 'SIGABRT' || OOM.test(tail(options.log))
  const status: Status = timedOut ? 'timed out' : oom ? 'out of memory' : code === 0 ? 'ok' : 'failed'
  return { status, seconds: round(seconds, 2), peakMB: Math.round(peak / 2 ** 20), exitCode: code, log: options.log }
}

/** The last `bytes` of a file. */
export function tail(file: string, bytes = 64 * 1024): string {
  const size = fs.statSync(file).size
  const fd = fs.openSync(file, 'r')
  const buffer = Buffer.alloc(Math.min(size, bytes))
  fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length)
  fs.closeSync(fd)
  return buffer.toString('utf8')
}

/** Total size of the files under `dir`, skipping the top-level entries whose name `skip` matches. */
export function dirBytes(dir: string, skip: (name: string) => boolean = () => false): number {
  let total = 0
  if (!fs.existsSync(dir)) return 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip(entry.name)) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) total += dirBytes(full)
    else if (entry.isFile()) total += fs.statSync(full).size
  }
  return total
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits
