import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'

import { readEnv } from '../env'
import type { Db } from './db'
import { first } from './rows'
import { settings } from './schema'

/** The server secret: INKWELL_SECRET, else one generated once and kept in the database (shared by instances). */
export function serverSecret(db: Db, source: Record<string, string | undefined> = process.env): Promise<string> {
  const { INKWELL_SECRET } = readEnv(source)
  if (INKWELL_SECRET) return Promise.resolve(INKWELL_SECRET)
  // Once stored, the secret never changes: each database is asked once per process.
  let secret = secrets.get(db)
  if (!secret) {
    secrets.set(db, (secret = storedSecret(db)))
    secret.catch(() => secrets.delete(db))
  }
  return secret
}

const secrets = new WeakMap<Db, Promise<string>>()

async function storedSecret(db: Db): Promise<string> {
  const fresh = crypto.randomBytes(32).toString('base64url')
  // Two instances starting together: the first insert wins and both read it back.
  await db.insert(settings).values({ key: 'secret', value: fresh }).onConflictDoNothing()
  return (await db.select().from(settings).where(eq(settings.key, 'secret')).then(first)).value
}

/** HMAC-SHA256 of `data` with `secret`, base64url. */
export function hmac(secret: string, data: string): string {
  return crypto.createHmac('sha256', secret).update(data).digest('base64url')
}

/** `value.signature`: a value the server can later recognise as its own. */
export function sign(secret: string, purpose: string, value: string): string {
  return `${value}.${hmac(secret, `${purpose}|${value}`)}`
}

/** The value of a token made by `sign` for `purpose`, or undefined when forged or malformed. */
export function unsign(secret: string, purpose: string, token: string | null | undefined): string | undefined {
  if (!token) return undefined
  const dot = token.lastIndexOf('.')
  if (dot < 1) return undefined
  const value = token.slice(0, dot)
  const expected = Buffer.from(hmac(secret, `${purpose}|${value}`))
  const given = Buffer.from(token.slice(dot + 1))
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? value : undefined
}

/** The keyed hash that stands for a client address: rate limits without storing the address. */
export function clientKey(secret: string, address: string): string {
  return hmac(secret, `client|${address}`).slice(0, 32)
}

/** An INKWELL_ADMIN_PASSWORD_HASH for `password`: `scrypt:<salt>:<hash>`, hex. */
export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16)
  return `scrypt:${salt.toString('hex')}:${crypto.scryptSync(password, salt, 32).toString('hex')}`
}

/** Whether `password` is the admin password (plain or scrypt-hashed), compared in constant time. */
export function checkPassword(password: string, config: AdminPassword): boolean {
  if (config.kind === 'plain') {
    const a = crypto.createHash('sha256').update(password).digest()
    const b = crypto.createHash('sha256').update(config.value).digest()
    return crypto.timingSafeEqual(a, b)
  }
  const [, salt, hash] = config.value.split(':')
  const expected = Buffer.from(hash ?? '', 'hex')
  if (!salt || expected.length !== 32) return false
  return crypto.timingSafeEqual(crypto.scryptSync(password, Buffer.from(salt, 'hex'), 32), expected)
}

export type AdminPassword = { kind: 'plain' | 'hash'; value: string }

/** The configured admin password, or undefined: then the admin area stays closed. */
export function adminPassword(source: Record<string, string | undefined> = process.env): AdminPassword | undefined {
  const env = readEnv(source)
  if (env.INKWELL_ADMIN_PASSWORD_HASH) return { kind: 'hash', value: env.INKWELL_ADMIN_PASSWORD_HASH }
  if (env.INKWELL_ADMIN_PASSWORD) return { kind: 'plain', value: env.INKWELL_ADMIN_PASSWORD }
  return undefined
}
