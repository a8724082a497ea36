import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  allComments,
  approvedComments,
  authorReply,
  clientKey,
  commentByReceipt,
  deleteComment,
  deleteCommenter,
  exportComments,
  formToken,
  isOpen,
  loginFailed,
  loginGate,
  pendingComments,
  receipt,
  recentComments,
  serverSecret,
  setPostOpen,
  setStatus,
  submitComment,
  type CommentInput,
  type Database,
  type SubmitContext,
} from '@/lib/comments'
import { ENGINES, freshDatabase } from './engines'

const T0 = new Date('2026-03-01T10:00:00Z')
const later = (ms: number) => new Date(T0.getTime() + ms)

describe.each(ENGINES)('comment storage on %s', (engine) => {
  let database: Database
  let secret: string
  beforeAll(async () => {
    database = await freshDatabase(engine)
    secret = await serverSecret(database.db, {})
  })
  afterAll(async () => {
    await database?.close()
  })

  let n = 0
  /** A valid submission from its own client, the form handed out 10 s before. */
  function submit(input: Partial<CommentInput>, ctx: Partial<SubmitContext> = {}) {
    const now = ctx.now ?? later(++n * 60_000)
    return submitComment(
      database.db,
      { post: 'first-light', name: 'Ada', body: 'Nice post.', token: formToken(secret, new Date(now.getTime() - 10_000)), ...input },
      { secret, client: `client-${n}`, moderation: 'first-time', now, ...ctx },
    )
  }

  it('keeps one generated secret for every instance', async () => {
    expect(secret).toMatch(/^[\w-]{43}$/)
    expect(await serverSecret(database.db, {})).toBe(secret)
    expect(await serverSecret(database.db, { INKWELL_SECRET: 'from-env' })).toBe('from-env')
  })

  it('queues a first-time commenter, then trusts the same name and website', async () => {
    const first = await submit({ post: 'trust', name: 'Grace', website: 'grace.example' })
    expect(first.ok && first.comment.status).toBe('pending')
    expect(first.ok && first.comment.website).toBe('https://grace.example/')
    if (!first.ok) return
    expect(await approvedComments(database.db, 'trust')).toEqual([])
    expect((await pendingComments(database.db)).map((c) => c.id)).toContain(first.comment.id)
    expect(await setStatus(database.db, first.comment.id, 'approved')).toBe(true)
    const second = await submit({ post: 'trust', name: 'Grace', website: 'https://grace.example/', body: 'Again.' })
    expect(second.ok && second.comment.status).toBe('approved')
    // Same name, other website: a stranger.
    const other = await submit({ post: 'trust', name: 'Grace', website: 'https://impostor.example', body: 'Me too.' })
    expect(other.ok && other.comment.status).toBe('pending')
    expect((await approvedComments(database.db, 'trust')).map((c) => c.body)).toEqual(['Nice post.', 'Again.'])
  })

  it('follows the moderation policy: all queues everything, none publishes, more than 3 links queue', async () => {
    const all = await submit({ post: 'policy' }, { moderation: 'all' })
    expect(all.ok && all.comment.status).toBe('pending')
    const none = await submit({ post: 'policy', body: 'Published at once.' }, { moderation: 'none' })
    expect(none.ok && none.comment.status).toBe('approved')
    const links = 'https://a.example https://b.example [c](https://c.example) <https://d.example>'
    const linky = await submit({ post: 'policy', body: links }, { moderation: 'none' })
    expect(linky.ok && linky.comment.status).toBe('pending')
    const three = await submit({ post: 'policy', body: 'https://a.example https://b.example https://c.example' }, { moderation: 'none' })
    expect(three.ok && three.comment.status).toBe('approved')
  })

  it('stores SQL metacharacters literally', async () => {
    const body = '\'); DROP TABLE comments; -- \\ % _ $1 "quoted" ; select pg_sleep(5);'
    const name = "Robert'); DROP TABLE comments;--"
    const result = await submit({ post: "sql'-post", name, body }, { moderation: 'none' })
    expect(result.ok).toBe(true)
    const [stored] = await approvedComments(database.db, "sql'-post")
    expect(stored?.name).toBe(name)
    expect(stored?.body).toBe(body)
    expect((await approvedComments(database.db, 'first-light')).length).toBeGreaterThanOrEqual(0)
  })

  it('refuses the honeypot, a missing or forged form token, a form sent too fast and an expired one', async () => {
    expect(await submit({ trap: 'http://spam.example' })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/automated/),
    })
    expect(await submit({ token: undefined })).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/not valid/) })
    expect(await submit({ token: formToken('another-secret', T0) })).toMatchObject({ ok: false, status: 400 })
    const now = later(10_000_000)
    expect(await submit({ token: formToken(secret, new Date(now.getTime() - 1_000)) }, { now })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/fast/),
    })
    expect(await submit({ token: formToken(secret, new Date(now.getTime() - 2 * 86_400_000)) }, { now })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringMatching(/expired/),
    })
  })

  it('checks lengths and websites, and refuses duplicates', async () => {
    expect(await submit({ body: 'x'.repeat(5_001) })).toMatchObject({
      ok: false,
      status: 400,
      field: 'body',
      message: expect.stringMatching(/5001 characters, at most 5000/),
    })
    expect((await submit({ post: 'long', body: 'x'.repeat(5_000) })).ok).toBe(true)
    expect(await submit({ name: '   ' })).toMatchObject({ ok: false, field: 'name' })
    expect(await submit({ body: '' })).toMatchObject({ ok: false, field: 'body' })
    expect(await submit({ website: 'javascript:alert(1)' })).toMatchObject({ ok: false, field: 'website' })
    expect(await submit({ website: 'data:text/html,<script>' })).toMatchObject({ ok: false, field: 'website' })
    expect((await submit({ post: 'dup', body: 'Same words.' })).ok).toBe(true)
    expect(await submit({ post: 'dup', body: 'Same words.' })).toMatchObject({ ok: false, status: 409 })
  })

  it('rate-limits one client with 429, shared through the database, and lets others through', async () => {
    const ctx = { client: 'busy-client', now: later(50_000_000) }
    for (let i = 0; i < 5; i++) expect((await submit({ post: 'busy', body: `number ${i}` }, ctx)).ok).toBe(true)
    expect(await submit({ post: 'busy', body: 'number 6' }, ctx)).toMatchObject({
      ok: false,
      status: 429,
      message: expect.stringMatching(/wait \d+ minutes?/),
    })
    expect((await submit({ post: 'busy', body: 'someone else' }, { ...ctx, client: 'calm-client' })).ok).toBe(true)
    // The next window starts afresh.
    expect((await submit({ post: 'busy', body: 'an hour later' }, { ...ctx, now: later(50_000_000 + 3_600_000) })).ok).toBe(true)
  })

  it('never stores the client address, only its keyed hash', async () => {
    const key = clientKey(secret, '203.0.113.7')
    expect(key).not.toContain('203.0.113')
    expect(clientKey(secret, '203.0.113.7')).toBe(key)
    expect(clientKey('other', '203.0.113.7')).not.toBe(key)
    await submit({ post: 'privacy' }, { client: key })
    const [row] = await allComments(database.db, 'privacy')
    expect(JSON.stringify(row)).not.toContain('203.0.113.7')
    expect(row?.client).toBe(key)
  })

  it('threads replies, badges the author, and deletes a thread with its parent', async () => {
    const root = await submit({ post: 'thread', body: 'root' }, { moderation: 'none' })
    if (!root.ok) throw new Error(root.message)
    const reply = await authorReply(database.db, {
      post: 'thread',
      parentId: root.comment.id,
      name: 'Mira',
      body: 'Thanks!',
      now: later(++n * 60_000),
    })
    expect(reply).toMatchObject({ isAuthor: true, status: 'approved', parentId: root.comment.id })
    const nested = await submit({ post: 'thread', parentId: reply.id, body: 'reply to the reply' }, { moderation: 'none' })
    expect(nested.ok && nested.comment.parentId).toBe(reply.id)
    // Replies go to approved comments of the same post only.
    expect(await submit({ post: 'other-post', parentId: root.comment.id, body: 'wrong post' })).toMatchObject({ ok: false, status: 404 })
    expect((await approvedComments(database.db, 'thread')).map((c) => c.body)).toEqual(['root', 'Thanks!', 'reply to the reply'])
    expect(await deleteComment(database.db, root.comment.id)).toBe(true)
    expect(await approvedComments(database.db, 'thread')).toEqual([])
  })

  it('opens and closes posts over the frontmatter default', async () => {
    expect(await isOpen(database.db, 'toggle', true)).toBe(true)
    await setPostOpen(database.db, 'toggle', false)
    expect(await isOpen(database.db, 'toggle', true)).toBe(false)
    await setPostOpen(database.db, 'toggle', true)
    expect(await isOpen(database.db, 'toggle', false)).toBe(true)
  })

  it('finds a pending comment by its signed receipt only', async () => {
    const result = await submit({ post: 'receipt' })
    if (!result.ok) throw new Error(result.message)
    expect((await commentByReceipt(database.db, secret, receipt(secret, result.comment.id)))?.id).toBe(result.comment.id)
    expect(await commentByReceipt(database.db, secret, `${result.comment.id}.forged`)).toBeUndefined()
    expect(await commentByReceipt(database.db, secret, receipt('other', result.comment.id))).toBeUndefined()
  })

  it('lists the newest approved comments for feeds, site-wide and per post', async () => {
    const recent = await recentComments(database.db, 3)
    expect(recent).toHaveLength(3)
    expect(recent.every((c) => c.status === 'approved')).toBe(true)
    expect(recent[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(recent[1]!.createdAt.getTime())
    expect((await recentComments(database.db, 10, 'trust')).map((c) => c.body)).toEqual(['Again.', 'Nice post.'])
  })

  it('exports every comment without client hashes, and deletes one commenter', async () => {
    const all = await exportComments(database.db)
    expect(all.length).toBeGreaterThan(10)
    expect(all.some((c) => 'client' in c)).toBe(false)
    const grace = all.filter((c) => c.name === 'Grace').length
    expect(await deleteCommenter(database.db, 'Grace')).toBe(grace)
    expect((await exportComments(database.db)).some((c) => c.name === 'Grace')).toBe(false)
  })

  it('slows failed logins and then locks them for the window', async () => {
    const now = later(90_000_000)
    expect(await loginGate(database.db, 'attacker', now)).toMatchObject({ locked: false, failures: 0 })
    const delays = []
    for (let i = 0; i < 5; i++) delays.push(await loginFailed(database.db, 'attacker', now))
    expect(delays).toEqual([400, 800, 1600, 3200, 5000])
    expect(await loginGate(database.db, 'attacker', now)).toMatchObject({ locked: true, failures: 5 })
    expect((await loginGate(database.db, 'attacker', now)).retryInMs).toBeGreaterThan(0)
    expect((await loginGate(database.db, 'someone-else', now)).locked).toBe(false)
    // The failures count in their window and in the next one: locked for 15 to 30 minutes.
    const windowMs = 15 * 60_000
    const nextWindow = new Date((Math.floor(now.getTime() / windowMs) + 1) * windowMs)
    expect((await loginGate(database.db, 'attacker', nextWindow)).locked).toBe(true)
    expect((await loginGate(database.db, 'attacker', new Date(nextWindow.getTime() + windowMs))).locked).toBe(false)
  })

  it('keeps a limit across the end of a window: failures just before it still count just after it', async () => {
    const windowMs = 15 * 60_000
    const boundary = new Date(Math.ceil(later(95_000_000).getTime() / windowMs) * windowMs)
    const before = new Date(boundary.getTime() - 1_000)
    for (let i = 0; i < 4; i++) await loginFailed(database.db, 'edge', before)
    const after = new Date(boundary.getTime() + 1_000)
    expect(await loginFailed(database.db, 'edge', after)).toBe(5_000)
    const gate = await loginGate(database.db, 'edge', after)
    expect(gate).toMatchObject({ locked: true, failures: 5 })
    // Four of the five fall out when this window ends.
    expect(gate.retryInMs).toBe(windowMs - 1_000)
  })
})
