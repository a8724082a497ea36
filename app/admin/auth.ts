import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { adminPassword, SESSION, validSession } from '@/lib/comments'
import { sameOrigin } from '@/lib/comments/http'
import { commentServer } from '@/lib/comments/site'
import { adminPaths } from '@/lib/routes'

/** Whether this request carries a valid admin session. */
export async function isAdmin(secret: string): Promise<boolean> {
  return validSession(secret, adminPassword(), (await cookies()).get(SESSION.cookie)?.value)
}

/** For every change the admin makes: a session, and a request from our own pages. Throws otherwise. */
export async function requireAdmin() {
  const server = await commentServer()
  // Server actions check Origin themselves; this also covers a proxy that rewrites Host.
  if (!sameOrigin(await headers())) throw new Error('Refused: the request did not come from this site.')
  if (!(await isAdmin(server.secret))) redirect(adminPaths.login('required'))
  return server
}
