import crypto from 'node:crypto'

import { hmac, type AdminPassword } from './secrets'

/** The admin session cookie: name, and how long a login lasts. */
export const SESSION = { cookie: 'inkwell_admin', maxAgeS: 7 * 86_400 }

// A session names the password it was made with (a hash of it), so changing the password ends every session.
const fingerprint = (password: AdminPassword) =>
  crypto.createHash('sha256').update(`${password.kind}:${password.value}`).digest('base64url').slice(0, 16)

/** A signed session token that expires after SESSION.maxAgeS. */
export function createSession(secret: string, password: AdminPassword, now = new Date()): string {
  const expires = String(now.getTime() + SESSION.maxAgeS * 1000)
  return `${expires}.${hmac(secret, `session|${expires}|${fingerprint(password)}`)}`
}

/** Whether `token` is a live session made with this secret and password. */
export function validSession(secret: string, password: AdminPassword | undefined, token: string | undefined, now = new Date()): boolean {
  if (!password || !token) return false
  const [expires, signature] = token.split('.')
  if (!expires || !signature || !(Number(expires) > now.getTime())) return false
  const expected = Buffer.from(hmac(secret, `session|${expires}|${fingerprint(password)}`))
  const given = Buffer.from(signature)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
