import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { stripBasePath } from '../base-path.mjs'
import { decodeUrl } from '../urls'
import { compileHeaders, headersFor, parseHeaders, type CompiledHeaderRule } from './headers'
import { compileRedirects, parseRedirects, redirectFor, type CompiledRedirectRule } from './redirects'

// npm run serve: the export served the way Netlify and Cloudflare Pages serve it, from the files
// themselves: its _redirects first (a 301 wins over the alias page beneath it, as on Cloudflare),
// then clean URLs (/posts/a → posts/a.html), 404.html with status 404, and its _headers on every
// answer. Only node:http: the preview then proves the very files the hosts will read.

/** An export folder, read once: where it is, its base path, and the rules of its host files. */
export interface StaticSite {
  root: string
  basePath: string
  redirects: CompiledRedirectRule[]
  headers: CompiledHeaderRule[]
  /** Lines of _redirects or _headers that are no rule, which the hosts ignore too. */
  ignored: string[]
}

/** The files a host reads but never serves. */
const HOST_FILES = new Set(['_headers', '_redirects'])

/**
 * The base path an export was built for, read from its pages: Next writes every script as
 * `<base>/_next/static/…`. '' when no page says.
 */
export function exportBasePath(root: string): string {
  for (const page of ['index.html', '404.html']) {
    const file = path.join(root, page)
    if (!fs.existsSync(file)) continue
    const found = /["'(]((?:\/[A-Za-z0-9._~-]+)*)\/_next\/static\//.exec(fs.readFileSync(file, 'utf8'))
    if (found) return found[1]!
  }
  return ''
}

/** Reads the export in `root` (its real path: links inside may not lead out of it). */
export function readStaticSite(root: string, basePath = exportBasePath(root)): StaticSite {
  const real = fs.realpathSync(root)
  const read = (name: string) => (fs.existsSync(path.join(real, name)) ? fs.readFileSync(path.join(real, name), 'utf8') : '')
  const redirects = parseRedirects(read('_redirects'))
  const headers = parseHeaders(read('_headers'))
  return {
    root: real,
    basePath,
    redirects: compileRedirects(redirects.rules),
    headers: compileHeaders(headers.rules),
    ignored: [
      ...redirects.invalid.map((l) => `_redirects:${l.line} ${l.text.trim()}`),
      ...headers.invalid.map((l) => `_headers:${l.line} ${l.text.trim()}`),
    ],
  }
}

/** The file a decoded app path is served from, inside root only; undefined for none. */
export function resolveFile(root: string, appPath: string): string | undefined {
  if (appPath.includes('\0')) return undefined
  const relative = appPath.replace(/^\/+/, '')
  if (HOST_FILES.has(relative)) return undefined
  const candidates = relative ? [relative, `${relative}.html`, `${relative}/index.html`] : ['index.html']
  for (const candidate of candidates) {
    const file = path.resolve(root, candidate)
    if (!inside(root, file)) return undefined
    // A link inside the export that leads out of it is not followed.
    if (isFile(file) && inside(root, fs.realpathSync(file))) return file
  }
  return undefined
}

const inside = (root: string, file: string) => file === root || file.startsWith(root + path.sep)

/** Whether `file` is a file; false for a folder, nothing, or a path through a file (`a.html/x`). */
function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false
  } catch {
    return false
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
}

/** The Content-Type of a file: feeds by their format, the rest by extension. */
export function contentType(file: string): string {
  const name = path.basename(file)
  if (name === 'feed.xml' || name === 'comments.xml') return 'application/rss+xml; charset=utf-8'
  if (name === 'atom.xml') return 'application/atom+xml; charset=utf-8'
  if (name === 'feed.json') return 'application/feed+json; charset=utf-8'
  return TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream'
}

/** What the server answers one request with: a status, headers, and the file to send (if any). */
export interface Answer {
  status: number
  headers: Record<string, string>
  file?: string
  body?: string
}

/** The answer to a GET or HEAD of `url` (path and query, as the request line has it). */
export function answer(site: StaticSite, url: string): Answer {
  // Taken as it came, not through new URL(), which would resolve `..` and read `//x` as a host.
  const [pathname = '', query] = url.split('#')[0]!.split(/\?(.*)/s)
  const search = query === undefined ? '' : `?${query}`
  const decoded = decodeUrl(pathname, 'path')
  if (decoded.value === undefined || !pathname.startsWith('/'))
    return { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Bad request\n' }
  const redirect = redirectFor(site.redirects, decoded.value)
  if (redirect && redirect.status !== 200) {
    const location = redirect.to.includes('?') || !search ? redirect.to : `${redirect.to}${search}`
    return { status: redirect.status, headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${location}\n` }
  }
  const served = redirect ? (decodeUrl(redirect.to.split('?')[0]!, 'path').value ?? '') : decoded.value
  const headers = headersFor(site.headers, decoded.value)
  const appPath = stripBasePath(served, site.basePath)
  // /posts/a/ → /posts/a, as deploy/nginx.conf does and Next under next start.
  if (appPath && appPath.length > 1 && appPath.endsWith('/') && !redirect) {
    const location = `${pathname.replace(/\/+$/, '')}${search}`
    return { status: 301, headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${location}\n` }
  }
  const file = appPath === undefined ? undefined : resolveFile(site.root, appPath)
  if (file) return { status: 200, headers: { ...headers, 'Content-Type': contentType(file) }, file }
  const notFound = resolveFile(site.root, '/404.html')
  return notFound
    ? { status: 404, headers: { ...headers, 'Content-Type': contentType(notFound) }, file: notFound }
    : { status: 404, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }, body: 'Not found\n' }
}

/** An HTTP server for the export: GET and HEAD, nothing else. */
export function createStaticServer(site: StaticSite): http.Server {
  return http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n')
      return
    }
    const found = answer(site, request.url ?? '/')
    const body = found.file ? fs.readFileSync(found.file) : Buffer.from(found.body ?? '')
    response.writeHead(found.status, { ...found.headers, 'Content-Length': String(body.length) })
    response.end(request.method === 'HEAD' ? undefined : body)
  })
}
