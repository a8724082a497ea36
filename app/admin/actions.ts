'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'

import { withBasePath } from '@/lib/base-path.mjs'
import {
  adminPassword,
  authorReply,
  checkPassword,
  clientKey,
  createSession,
  deleteComment,
  loginFailed,
  loginGate,
  SESSION,
  setPostOpen,
  setStatus,
} from '@/lib/comments'
import { clientAddress, sameOrigin } from '@/lib/comments/http'
import { commentablePost, commentServer } from '@/lib/comments/site'
import { adminPaths } from '@/lib/routes'
import { requireAdmin } from './auth'

// Everything the admin changes goes through these server actions: each checks the session first.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}
/** Back to where the admin was: the queue, or one post's comments. */
const back = (form: FormData) => (text(form, 'post') ? adminPaths.post(text(form, 'post')) : adminPaths.home)

/** Checks the password: failures wait longer each time, and after 5 the login locks for 15 minutes. */
export async function login(form: FormData) {
  const password = adminPassword()
  if (!password) redirect(adminPaths.home)
  const requestHeaders = await headers()
  if (!sameOrigin(requestHeaders)) redirect(adminPaths.login('refused'))
  const { db, secret } = await commentServer()
  const client = clientKey(secret, clientAddress(requestHeaders))
  const gate = await loginGate(db, client)
  if (gate.locked) redirect(adminPaths.login('locked', Math.ceil(gate.retryInMs / 60_000)))
  if (!checkPassword(text(form, 'password'), password)) {
    await sleep(await loginFailed(db, client))
    redirect(adminPaths.login('failed'))
  }
  const secure = requestHeaders.get('x-forwarded-proto') === 'https'
  ;(await cookies()).set(SESSION.cookie, createSession(secret, password), {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    // The cookie's path is the URL's, base path and all (redirect() adds the base path itself).
    path: withBasePath(adminPaths.home),
    maxAge: SESSION.maxAgeS,
  })
  redirect(adminPaths.home)
}

export async function logout() {
  ;(await cookies()).delete({ name: SESSION.cookie, path: withBasePath(adminPaths.home) })
  redirect(adminPaths.home)
}

/** Approve, Spam or Delete one comment. */
export async function moderate(form: FormData) {
  const { db } = await requireAdmin()
  const id = Number(text(form, 'id'))
  const action = text(form, 'action')
  if (action === 'approve') await setStatus(db, id, 'approved')
  else if (action === 'spam') await setStatus(db, id, 'spam')
  else if (action === 'delete') await deleteComment(db, id)
  redirect(back(form))
}

/** Opens or closes comments on one post. */
export async function setOpen(form: FormData) {
  const { db, site } = await requireAdmin()
  const found = await commentablePost(db, site, text(form, 'post'))
  if (found) await setPostOpen(db, found.post.slug, text(form, 'open') === 'true')
  redirect(back(form))
}

/** A comment or reply as the post's author: published at once, badged. */
export async function reply(form: FormData) {
  const { db, site } = await requireAdmin()
  const found = await commentablePost(db, site, text(form, 'post'))
  const body = text(form, 'body').trim()
  if (found && body)
    await authorReply(db, { post: found.post.slug, parentId: Number(text(form, 'parent')) || null, name: found.post.author.name, body })
  redirect(back(form))
}
