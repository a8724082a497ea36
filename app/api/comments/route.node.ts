import { after } from 'next/server'

import { withBasePath } from '@/lib/base-path.mjs'
import {
  approvedComments,
  clientKey,
  DataDirInUseError,
  deliverWebhook,
  formToken,
  receipt,
  submitComment,
  toPublic,
  type CommentRow,
} from '@/lib/comments'
import { clientAddress, corsHeaders, escapeHtml, sameOrigin } from '@/lib/comments/http'
import { allowedOrigins, commentablePost, commentServer } from '@/lib/comments/site'
import { readEnv } from '@/lib/env'
import { commentPaths } from '@/lib/routes'
import { absoluteUrl } from '@/lib/urls'

// The comment API. GET /api/comments?post=<slug> gives a post's approved comments and a fresh form
// token (the comment island on the static post page asks for it). POST takes a comment: from the
// island (Accept: application/json, answered with JSON) or from a plain form without JavaScript
// (answered with a redirect to the post's comments page).
export const dynamic = 'force-dynamic'

const json = (data: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(data, { status, headers: { 'cache-control': 'no-store', ...headers } })

/**
 * The comment server, or the answer when its database cannot open: another process holds the
 * embedded database's folder. That is the site owner's to fix (the log says how), and it passes
 * when the other process stops, so readers get a 503 to retry, not a 500.
 */
async function openServer(): Promise<Awaited<ReturnType<typeof commentServer>> | Response> {
  try {
    return await commentServer()
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error
    console.error(`comments: ${error.message}`)
    return json({ error: 'Comments are not available right now. Try again in a minute.' }, 503, { 'retry-after': '60' })
  }
}

export async function GET(request: Request) {
  const server = await openServer()
  if (server instanceof Response) return server
  const { db, secret, site } = server
  const cors = corsHeaders(request.headers, allowedOrigins(site))
  const found = await commentablePost(db, site, new URL(request.url).searchParams.get('post'))
  if (!found) return json({ error: 'There is no such post.' }, 404, cors)
  const comments = (await approvedComments(db, found.post.slug)).map(toPublic)
  return json({ open: found.open, comments, token: found.open ? formToken(secret) : null }, 200, cors)
}

export async function OPTIONS(request: Request) {
  const server = await openServer()
  if (server instanceof Response) return server
  const { site } = server
  return new Response(null, {
    status: 204,
    headers: { ...corsHeaders(request.headers, allowedOrigins(site)), 'access-control-max-age': '600' },
  })
}

/** A short page for a form post that failed: the reader goes back with their text still in the form. */
function failurePage(message: string, status: number, back: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Your comment was not posted</title></head><body><main><h1>Your comment was not posted</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(back)}">Back to the comments</a> (your browser's back button keeps what you wrote).</p></main></body></html>`
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
}

export async function POST(request: Request) {
  const server = await openServer()
  if (server instanceof Response) return server
  const { db, secret, site } = server
  const cors = corsHeaders(request.headers, allowedOrigins(site))
  const wantsJson = (request.headers.get('accept') ?? '').includes('application/json')
  const refuse = (message: string, status: number, back = withBasePath('/')) =>
    wantsJson ? json({ error: message }, status, cors) : failurePage(message, status, back)

  if (!sameOrigin(request.headers, allowedOrigins(site))) return refuse('Comments can only be sent from this site.', 403)
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return refuse('The comment form was not sent as a form.', 400)
  }
  const field = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const found = await commentablePost(db, site, field('post'))
  if (!found) return refuse('There is no such post.', 404)
  // A Location and a link of our own: under the base path, where next/link would put them.
  const back = withBasePath(commentPaths.page(found.post))
  if (!found.open) return refuse('Comments on this post are closed.', 403, back)

  const result = await submitComment(
    db,
    {
      post: found.post.slug,
      parentId: Number(field('parent')) || null,
      name: field('name'),
      website: field('website'),
      body: field('comment'),
      trap: field('homepage'),
      token: field('token'),
    },
    { secret, client: clientKey(secret, clientAddress(request.headers)), moderation: site.comments.moderation },
  )
  if (!result.ok)
    return wantsJson
      ? json({ error: result.message, field: result.field }, result.status, cors)
      : failurePage(result.message, result.status, back)

  const comment = result.comment
  if (comment.status === 'pending') notifyWebhook(comment, absoluteUrl(site.url, found.post.url))
  if (wantsJson) return json({ comment: toPublic(comment) }, 201, cors)
  const query =
    comment.status === 'approved' ? 'comment=published' : `comment=pending&receipt=${encodeURIComponent(receipt(secret, comment.id))}`
  return new Response(null, {
    status: 303,
    headers: { location: `${back}?${query}#${commentPaths.anchor(comment.id)}`, 'cache-control': 'no-store' },
  })
}

/** Tells INKWELL_COMMENT_WEBHOOK about a comment waiting for moderation, after the answer is sent. */
function notifyWebhook(comment: CommentRow, postUrl: string) {
  const url = readEnv().INKWELL_COMMENT_WEBHOOK
  if (!url) return
  const payload = {
    event: 'comment.pending',
    id: comment.id,
    post: comment.post,
    postUrl,
    name: comment.name,
    website: comment.website,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  }
  after(() => deliverWebhook(url, payload).then(() => undefined))
}
