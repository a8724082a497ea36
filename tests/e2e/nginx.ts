// Runs nginx with the site config kept in the repo (deploy/nginx.conf), as a child process with its
// own prefix, pid and logs in a temporary folder: no root, no system service, nothing left behind.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Nginx {
  url: string
  stop(): Promise<void>
  /** The error log, for a failure message. */
  log(): string
}

/** deploy/nginx.conf with `listen` and `root` set for this run (no root: a proxy, deploy/nginx-lb.conf). */
export function siteConfig(source: string, port: number, root?: string): string {
  let config = source.replace(/^(\s*)listen\s+\S+;/m, `$1listen 127.0.0.1:${port};`)
  if (root !== undefined) config = config.replace(/^(\s*)root\s+\S+;/m, `$1root ${root};`)
  if (!config.includes(`listen 127.0.0.1:${port};`) || (root !== undefined && !config.includes(`root ${root};`))) {
    throw new Error('deploy/nginx.conf needs one `listen` and one `root` line in its server block')
  }
  return config
}

export async function startNginx({ site, root, port }: { site: string; root?: string; port: number }): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-nginx-'))
  fs.writeFileSync(path.join(dir, 'site.conf'), siteConfig(fs.readFileSync(site, 'utf8'), port, root))
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`).join('\n')
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `# Written by tests/e2e/nginx.ts for one test run.
daemon off;
worker_processes 1;
${process.getuid?.() === 0 ? 'user root;\n' : ''}pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
${temp}
  include ${dir}/site.conf;
}
`,
  )
  const log = () => (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '')
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += d))
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    url,
    () => child.exitCode !== null,
    () => `nginx did not start:\n${stderr}\n${log()}`,
  )
  return {
    url,
    log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGQUIT')
        await exited
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Polls `url` until it answers; fails early if `dead()` says the server process has exited. */
export async function waitFor(url: string, dead: () => boolean, message: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (dead()) break
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(message())
}
