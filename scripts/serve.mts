// npm run serve: the static export (out/, or the folder given) on http://127.0.0.1:8080, as Netlify
// and Cloudflare Pages serve it: clean URLs, 404.html with status 404, its _redirects and _headers.
//   npm run serve -- [folder] [--port 8080] [--host 127.0.0.1] [--base /blog]
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { normalizeBasePath } from '../lib/base-path.mjs'
import { createStaticServer, exportBasePath, readStaticSite } from '../lib/static-host'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', short: 'p', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string' },
  },
})
const fail = (message: string): never => {
  console.error(message)
  process.exit(2)
}
const dir = path.resolve(positionals[0] ?? 'out')
if (!fs.existsSync(path.join(dir, 'index.html')))
  fail(`${path.relative(process.cwd(), dir) || dir} holds no export: run npm run export first`)
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number`)
// The export knows the base path it was built for; --base only for an export that cannot tell.
const base = values.base === undefined ? exportBasePath(dir) : normalizeBasePath(values.base, '--base')
const site = readStaticSite(dir, base)
for (const line of site.ignored) console.warn(`warning: ${line} is not a rule the hosts read; ignored`)
if (!fs.existsSync(path.join(dir, '_redirects'))) console.warn('warning: no _redirects in this export (npm run export writes it)')

const server = createStaticServer(site)
server.on('error', (error) => fail(`npm run serve: ${error.message}`))
server.listen(port, values.host, () => {
  const address = server.address()
  const bound = typeof address === 'object' && address ? address.port : port
  const shown = values.host.includes(':') ? `[${values.host}]` : values.host
  console.log(`Serving ${path.relative(process.cwd(), dir) || '.'} at http://${shown}:${bound}${base}/`)
  console.log(`  ${site.redirects.length} redirects, ${site.headers.length} header rules; Ctrl-C to stop`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close(() => process.exit(0))
    server.closeAllConnections()
  })
