import http from 'node:http'
import { afterAll, describe, expect, it } from 'vitest'

import {
  adminPassword,
  approvedComments,
  authorReply,
  checkPassword,
  copyDatabase,
  createSession,
  deliverWebhook,
  hashPassword,
  isOpen,
  openDatabase,
  serverSecret,
  setPostOpen,
  validSession,
  type Database,
} from '@/lib/comments'
import { clientAddress, corsHeaders, sameOrigin, trustedProxies } from '@/lib/comments/http'
import { commentLimit } from '@/lib/comments/limits'
import { ENGINES, freshDatabase } from './engines'

const open: Database[] = []
afterAll(async () => {
  await Promise.all(open.map((d) => d.close()))
})
async function fresh(engine: (typeof ENGINES)[number]) {
  const database = await freshDatabase(engine)
  open.push(database)
  return database
}

describe.each(ENGINES)('migrations on %s', (engine) => {
  it('apply once: reopening an up-to-date database changes nothing and keeps the data', async () => {
    const database = await fresh(engine)
    await authorReply(database.db, { post: 'p', name: 'Mira', body: 'kept' })
    const target = database.target
    const again = await openDatabase(target).catch((error: Error) => error)
    if ('dataDir' in target) {
      // The same folder in the same process is refused too: one owner per data folder.
      expect(again).toBeInstanceOf(Error)
      await database.release()
      const reopened = await openDatabase(target)
      open.splice(open.indexOf(database), 1, {
        ...reopened,
        close: async () => (await reopened.close(), await database.close().catch(() => undefined)),
      })
      expect((await approvedComments(reopened.db, 'p')).map((c) => c.body)).toEqual(['kept'])
    } else {
      if (again instanceof Error) throw again
      expect((await approvedComments(again.db, 'p')).map((c) => c.body)).toEqual(['kept'])
      await again.close()
    }
  })
})

describe.each([
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
] as const)('db:copy from %s to %s', (fromEngine, toEngine) => {
  it('copies comments with their ids, threads, settings and the secret; new ids continue after them', async () => {
    const from = await fresh(fromEngine)
    const to = await fresh(toEngine)
    const secret = await serverSecret(from.db, {})
    const root = await authorReply(from.db, { post: 'moving', name: 'Mira', body: 'root' })
    await authorReply(from.db, { post: 'moving', parentId: root.id, name: 'Mira', body: 'reply' })
    await setPostOpen(from.db, 'moving', false)
    expect(await copyDatabase(from, to)).toEqual({ comments: 2 })
    expect(await serverSecret(to.db, {})).toBe(secret)
    expect(await isOpen(to.db, 'moving', true)).toBe(false)
    const copied = await approvedComments(to.db, 'moving')
    expect(copied.map((c) => [c.id, c.parentId, c.body])).toEqual([
      [root.id, null, 'root'],
      [root.id + 1, root.id, 'reply'],
    ])
    const next = await authorReply(to.db, { post: 'moving', name: 'Mira', body: 'after the move' })
    expect(next.id).toBe(root.id + 2)
    await expect(copyDatabase(from, to)).rejects.toThrow(/already has 3 comments/)
  })
})

describe('admin password and session', () => {
  it('checks plain and scrypt-hashed passwords', () => {
    expect(checkPassword('hunter2', { kind: 'plain', value: 'hunter2' })).toBe(true)
    expect(checkPassword('hunter3', { kind: 'plain', value: 'hunter2' })).toBe(false)
    const hash = hashPassword('correct horse')
    expect(hash).toMatch(/^scrypt:[0-9a-f]{32}:[0-9a-f]{64}$/)
    expect(checkPassword('correct horse', { kind: 'hash', value: hash })).toBe(true)
    expect(checkPassword('wrong', { kind: 'hash', value: hash })).toBe(false)
    expect(checkPassword('x', { kind: 'hash', value: 'garbage' })).toBe(false)
    expect(adminPassword({})).toBeUndefined()
    expect(adminPassword({ INKWELL_ADMIN_PASSWORD: 'a', INKWELL_ADMIN_PASSWORD_HASH: hash })).toEqual({ kind: 'hash', value: hash })
  })

  it('accepts its own unexpired session only, and no session once the password changes', () => {
    const password = { kind: 'plain' as const, value: 'pw' }
    const now = new Date('2026-03-01T00:00:00Z')
    const token = createSession('secret', password, now)
    expect(validSession('secret', password, token, now)).toBe(true)
    expect(validSession('other-secret', password, token, now)).toBe(false)
    expect(validSession('secret', { kind: 'plain', value: 'new' }, token, now)).toBe(false)
    expect(validSession('secret', password, token, new Date(now.getTime() + 8 * 86_400_000))).toBe(false)
    expect(
      validSession(
        'secret',
        password,
        token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
        now,
      ),
    ).toBe(false)
    expect(validSession('secret', password, `${Date.now() + 1e9}.forged`, now)).toBe(false)
    expect(validSession('secret', undefined, token, now)).toBe(false)
  })
})

describe('request checks', () => {
  const h = (headers: Record<string, string>) => new Headers(headers)
  it('refuses cross-site posts and allows our own origin and the site origin', () => {
    expect(sameOrigin(h({ host: 'blog.example', origin: 'https://blog.example' }))).toBe(true)
    expect(sameOrigin(h({ host: 'blog.example', origin: 'https://evil.example' }))).toBe(false)
    expect(sameOrigin(h({ host: 'blog.example', origin: 'null' }))).toBe(false)
    expect(sameOrigin(h({ host: 'blog.example', 'sec-fetch-site': 'cross-site' }))).toBe(false)
    expect(sameOrigin(h({ host: 'api.example', origin: 'https://blog.example' }), ['https://blog.example'])).toBe(true)
    expect(corsHeaders(h({ origin: 'https://blog.example' }), ['https://blog.example'])['access-control-allow-origin']).toBe(
      'https://blog.example',
    )
    expect(corsHeaders(h({ origin: 'https://evil.example' }), ['https://blog.example'])).toEqual({})
  })

  it('takes the client address from the nearest proxy', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '1.1.1.1, 10.0.0.2' }))).toBe('10.0.0.2')
    expect(clientAddress(h({}))).toBe('unknown')
  })

  it('skips the entries added by the proxies INKWELL_TRUSTED_PROXIES counts, and refuses a count that is not one', () => {
    const chain = h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 198.51.100.2' })
    expect(clientAddress(chain, 1)).toBe('198.51.100.2')
    expect(clientAddress(chain, 2)).toBe('203.0.113.7')
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), 3)).toBe('203.0.113.7')
    expect(trustedProxies({})).toBe(1)
    expect(trustedProxies({ INKWELL_TRUSTED_PROXIES: '2' })).toBe(2)
    expect(() => trustedProxies({ INKWELL_TRUSTED_PROXIES: 'yes' })).toThrow(
      'INKWELL_TRUSTED_PROXIES="yes" is not a whole number from 1 to 10',
    )
  })

  it('reads the comment rate limit from INKWELL_COMMENT_RATE_LIMIT', () => {
    expect(commentLimit({})).toEqual({ count: 5, windowMs: 600_000 })
    expect(commentLimit({ INKWELL_COMMENT_RATE_LIMIT: '20 / 60' })).toEqual({ count: 20, windowMs: 3_600_000 })
    expect(() => commentLimit({ INKWELL_COMMENT_RATE_LIMIT: '20' })).toThrow(
      'INKWELL_COMMENT_RATE_LIMIT="20" is not comments/minutes, such as 5/10 (5 comments per 10 minutes)',
    )
  })
})

describe('webhook', () => {
  it('retries with backoff until the receiver accepts, without the caller waiting', async () => {
    const received: unknown[] = []
    let calls = 0
    const server = http.createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        calls++
        if (calls < 3) return void response.writeHead(500).end()
        received.push(JSON.parse(body))
        response.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const started = Date.now()
    const delivered = deliverWebhook(`http://127.0.0.1:${port}/hook`, { event: 'comment.pending', id: 7 }, [50, 100, 200])
    expect(Date.now() - started).toBeLessThan(50)
    expect(await delivered).toBe(true)
    expect(calls).toBe(3)
    expect(received).toEqual([{ event: 'comment.pending', id: 7 }])
    expect(await deliverWebhook(`http://127.0.0.1:${port + 1}/nothing-here`, {}, [10])).toBe(false)
    server.close()
  })
})
