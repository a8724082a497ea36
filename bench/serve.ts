// Serving: nginx on a static export, wrk against a URL, and the small helpers around them.
// Load goes to 127.0.0.1 only, for a fixed time.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { WORK } from './engines/engine'

export { freePort } from '../tests/free-port'

/** Waits until `url` answers; fails when `child` exits first or after a minute. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer`)
}

/** Stops a server started with `detached: true`, with every process of its group. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid, signal)
  await exited
}

export const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx'

/** A site config (a `server { }` block) with its `listen` and `root` set for this run. */
function siteConfig(source: string, port: number, root: string): string {
  const config = source.replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`).replace(/^(\s*)root\s+[^;]+;/m, `$1root ${root};`)
  if (!config.includes(`listen 127.0.0.1:${port};`) || !config.includes(`root ${root};`))
    throw new Error('the nginx site config needs a `listen` and a `root` line')
  return config
}

/** A minimal site config, used when the repository has no deploy/nginx.conf. */
const MINIMAL = `server {
    listen 8080;
    root /srv/out;
    gzip on;
    gzip_types text/css application/javascript application/json image/svg+xml;
    location / {
        try_files $uri $uri.html $uri/ =404;
    }
}
`

/**
 * nginx serving `root` on 127.0.0.1:port with the site config `deploy` (the repository's
 * deploy/nginx.conf) when there is one, else a minimal one; pid, logs and temp files in bench/work/nginx.
 */
export function startNginx(root: string, port: number, deploy: string): { child: ChildProcess; url: string; config: string } {
  const config = fs.existsSync(deploy) ? 'deploy/nginx.conf' : 'minimal config'
  const child = runNginx(siteConfig(fs.existsSync(deploy) ? fs.readFileSync(deploy, 'utf8') : MINIMAL, port, root))
  return { child, url: `http://127.0.0.1:${port}`, config }
}

/**
 * The load balancer config `source` (deploy/nginx-lb.conf) in front of one server on
 * 127.0.0.1:`upstream`, listening on 127.0.0.1:`port`: its first upstream server line points
 * there, the others are dropped.
 */
export function proxyConfig(source: string, upstream: number, port: number): string {
  let servers = 0
  const config = source
    .replace(/^(\s*)server\s+[\w.-]+:\d+[^;]*;\n/gm, (_, indent: string) => (servers++ ? '' : `${indent}server 127.0.0.1:${upstream};\n`))
    .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`)
  if (!servers || !config.includes(`listen 127.0.0.1:${port};`))
    throw new Error('the load balancer config needs an upstream server line and a listen line')
  return config
}

/** nginx on 127.0.0.1:port in front of the server on 127.0.0.1:`upstream`, with the config `deploy` (see proxyConfig). */
export function startProxy(upstream: number, port: number, deploy: string): { child: ChildProcess; url: string } {
  return { child: runNginx(proxyConfig(fs.readFileSync(deploy, 'utf8'), upstream, port)), url: `http://127.0.0.1:${port}` }
}

/** Starts nginx with `site` (a `server { }` block, upstreams beside it); pid, logs and temp files in bench/work/nginx. */
function runNginx(site: string): ChildProcess {
  const dir = path.join(WORK, 'nginx')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, 'site.conf'), site)
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n')
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `# Written by bench/serve.ts for one benchmark run.
daemon off;
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
${temp}
  include ${dir}/site.conf;
}
`,
  )
  return spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: 'ignore',
    detached: true,
  })
}

export interface Load {
  requestsPerSecond: number
  p99Ms: number
  /** Non-2xx/3xx responses plus socket errors (connect, read, write, timeout). */
  errors: number
  requests: number
}

const ms = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? Number.NaN)

/**
 * wrk: 2 threads, `connections` connections, for `seconds`, against `url`, asking for gzip as
 * browsers do; `script` is a Lua file that shapes the requests (method, headers, body).
 */
export function wrk(url: string, { seconds = 30, connections = 64, script = '' } = {}): Load & { output: string } {
  const args = [
    '-t2',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    '-H',
    'Accept-Encoding: gzip',
    ...(script ? ['-s', script] : []),
    url,
  ]
  const result = spawnSync('wrk', args, { encoding: 'utf8', timeout: (seconds + 60) * 1000 })
  const output = result.stdout ?? ''
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr || result.error?.message}`)
  const p99 = output.match(/^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m)
  const socket = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/)
  const non2xx = Number(output.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0)
  return {
    requestsPerSecond: Math.round(Number(output.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? 0)),
    p99Ms: p99 ? Math.round(ms(p99[1]!, p99[2]!) * 10) / 10 : Number.NaN,
    errors: non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
    requests: Number(output.match(/(\d+) requests in/)?.[1] ?? 0),
    output,
  }
}
