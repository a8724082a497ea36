// Request helpers for the comment routes: who is asking (as a keyed hash), and from where.
import { readEnv } from '../env'

/**
 * The client address. Each proxy in front of Inkwell appends the address it was reached from to
 * X-Forwarded-For (next start adds the socket's address when there is no header), so the entry
 * `proxies` from the right is the first one a client cannot forge: the rightmost with one proxy
 * (nginx, or next start itself), the second from the right behind a CDN and nginx, and so on.
 * `proxies` comes from INKWELL_TRUSTED_PROXIES (default 1).
 */
export function clientAddress(headers: Headers, proxies = trustedProxies()): string {
  const forwarded =
    headers
      .get('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean) ?? []
  // A list shorter than the proxy count did not pass every proxy: its leftmost entry is the best guess.
  return forwarded.at(-Math.min(proxies, forwarded.length)) || headers.get('x-real-ip') || 'unknown'
}

/** INKWELL_TRUSTED_PROXIES: how many proxies append to X-Forwarded-For before the request reaches Inkwell. */
export function trustedProxies(source: Record<string, string | undefined> = process.env): number {
  return readEnv(source).INKWELL_TRUSTED_PROXIES ?? 1
}

/** The origin the request was addressed to, from its Host header. */
export function ownHost(headers: Headers): string | undefined {
  return headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host') || undefined
}

/**
 * Whether a state-changing request comes from one of our pages: its Origin is this server's host or
 * one of `allowed` (the site's own origin, for an exported site whose comments live here). Browsers
 * send Origin with every POST; without it, Sec-Fetch-Site decides; a request with neither is not from
 * a browser and carries no reader's credentials to abuse.
 */
export function sameOrigin(headers: Headers, allowed: string[] = []): boolean {
  const origin = headers.get('origin')
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === ownHost(headers) || allowed.includes(new URL(origin).origin)
    } catch {
      return false
    }
  }
  if (origin === 'null') return false
  const site = headers.get('sec-fetch-site')
  return !site || site === 'same-origin' || site === 'none'
}

/** CORS headers that let the site's own origin (an exported site on another host) use the API. */
export function corsHeaders(headers: Headers, allowed: string[]): Record<string, string> {
  const origin = headers.get('origin')
  if (!origin || !allowed.includes(origin)) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'GET, POST',
    'access-control-allow-headers': 'content-type',
    vary: 'Origin',
  }
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
