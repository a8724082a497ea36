// Request helpers for the comment routes: who is asking (as a keyed hash), and from where.

/** The client address: the rightmost X-Forwarded-For entry (added by the nearest proxy, or by next start). */
export function clientAddress(headers: Headers): string {
  const forwarded = headers
    .get('x-forwarded-for')
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return forwarded?.at(-1) || headers.get('x-real-ip') || 'unknown'
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
