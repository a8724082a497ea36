// Comment load: readers fetching a post's comments (GET /api/comments?post=…) and posting new ones
// (POST /api/comments, as the comment island sends them), against `next start` on the bench site,
// once with the embedded database (PGlite) and once with a PostgreSQL server started here. The
// per-client rate limit is raised for the run: every request comes from 127.0.0.1.
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { openDatabase, type DatabaseTarget } from '../lib/comments/db'
import { comments } from '../lib/comments/schema'
import { startPostgres } from '../tests/lib/comments/postgres'
import { ROOT, WORK } from './engines/engine'
import { nextStart } from './engines/inkwell'
import { freePort, stop, waitFor, wrk, type Load } from './serve'

export type CommentEngine = 'PGlite' | 'PostgreSQL'

export interface CommentLoad extends Load {
  engine: CommentEngine
  request: 'GET' | 'POST'
  path: string
  /** Approved comments on the post before the run (what each GET returns). */
  seeded: number
  /** Comments in the database after the POST run; at least the 2xx answers, or a write was lost. */
  stored?: number
}

/** Approved comments on the post before the run: a discussion of some length, threaded 3 deep. */
const SEEDED = 40
const MIGRATIONS = path.join(ROOT, 'migrations')

async function seed(target: DatabaseTarget, post: string): Promise<void> {
  const database = await openDatabase(target, MIGRATIONS)
  try {
    let parent: number | null = null
    for (let i = 0; i < SEEDED; i++) {
      const [row]: { id: number }[] = await database.db
        .insert(comments)
        .values({
          post,
          // Every fourth comment starts a thread; the next three reply, one level deeper each.
          parentId: i % 4 === 0 ? null : parent,
          name: `Reader ${i + 1}`,
          website: i % 3 === 0 ? `https://reader-${i + 1}.example` : null,
          body: `Comment ${i + 1}: a paragraph with *emphasis*, \`code\` and a [link](https://example.com/${i}).\n\nA second paragraph to make it a real comment.`,
          status: 'approved',
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        })
        .returning({ id: comments.id })
      parent = row!.id
    }
  } finally {
    await database.close()
  }
}

async function countComments(target: DatabaseTarget): Promise<number> {
  const database = await openDatabase(target, MIGRATIONS)
  try {
    return await database.db.$count(comments)
  } finally {
    await database.close()
  }
}

/** A wrk script: form posts as the island sends them, each body different (duplicates are refused). */
function postScript(file: string, origin: string, post: string, token: string): string {
  fs.writeFileSync(
    file,
    `-- Written by bench/comments.ts for one run.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Origin"] = "${origin}"
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  local body = "post=${post}&name=Load+" .. id .. "&website=&homepage=&token=${encodeURIComponent(token)}" ..
    "&comment=Comment+" .. n .. "+from+thread+" .. id .. "%2C+with+*emphasis*+and+%60code%60."
  return wrk.format(nil, nil, nil, body)
end
`,
  )
  return file
}

export interface CommentLoadOptions {
  /** The bench site's content folder (its build is in place). */
  content: string
  /** A published post of the corpus. */
  post: string
  logs: string
  log: (line: string) => void
  /** The caller's running servers (killed on Ctrl-C): each server started here is in it while it runs. */
  servers: Set<ChildProcess>
}

/** GET and POST load on both engines; an engine that cannot start is reported with `note`. */
export async function commentLoad(options: CommentLoadOptions, note: (text: string) => void): Promise<CommentLoad[]> {
  const results: CommentLoad[] = []
  for (const engine of ['PGlite', 'PostgreSQL'] as const) {
    let postgres: Awaited<ReturnType<typeof startPostgres>> | undefined
    try {
      let target: DatabaseTarget
      if (engine === 'PostgreSQL') {
        postgres = await startPostgres({ durable: true })
        target = { url: postgres.url }
      } else {
        const dataDir = path.join(WORK, 'comments-pglite')
        fs.rmSync(dataDir, { recursive: true, force: true })
        target = { dataDir }
      }
      results.push(...(await underLoad(engine, target, options)))
    } catch (error) {
      note(`comment load on ${engine}: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
    } finally {
      postgres?.stop()
    }
  }
  return results
}

async function underLoad(engine: CommentEngine, target: DatabaseTarget, options: CommentLoadOptions): Promise<CommentLoad[]> {
  const { content, post, logs } = options
  await seed(target, post)
  const port = await freePort()
  const name = engine.toLowerCase()
  const server = nextStart(content, port, path.join(logs, `next-start-comments-${name}.log`), {
    ...('url' in target ? { DATABASE_URL: target.url } : { INKWELL_DATA_DIR: target.dataDir }),
    INKWELL_COMMENT_RATE_LIMIT: '100000000/1440',
  })
  options.servers.add(server)
  const origin = `http://127.0.0.1:${port}`
  const api = `${origin}/api/comments?post=${post}`
  const results: CommentLoad[] = []
  try {
    await waitFor(api, server)
    const get = wrk(api)
    fs.writeFileSync(path.join(logs, `wrk-comments-get-${name}.txt`), get.output)
    results.push(summarize(engine, 'GET', `/api/comments?post=${post}`, get))
    options.log(`  wrk GET comments, ${engine}: ${get.requestsPerSecond} requests/s, p99 ${get.p99Ms} ms, ${get.errors} errors`)

    // A form token is valid from 3 s after it was issued.
    const { token } = (await (await fetch(api)).json()) as { token: string }
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    const posted = wrk(`${origin}/api/comments`, { script: postScript(path.join(logs, 'comments-post.lua'), origin, post, token) })
    fs.writeFileSync(path.join(logs, `wrk-comments-post-${name}.txt`), posted.output)
    const result = summarize(engine, 'POST', '/api/comments', posted)
    results.push(result)
    await stop(server)
    result.stored = (await countComments(target)) - SEEDED
    options.log(
      `  wrk POST comments, ${engine}: ${posted.requestsPerSecond} requests/s, p99 ${posted.p99Ms} ms, ${posted.errors} errors, ${result.stored} stored`,
    )
  } finally {
    await stop(server)
    options.servers.delete(server)
  }
  return results
}

function summarize(engine: CommentEngine, request: 'GET' | 'POST', url: string, load: Load): CommentLoad {
  const { requestsPerSecond, p99Ms, errors, requests } = load
  return { engine, request, path: url, seeded: SEEDED, requestsPerSecond, p99Ms, errors, requests }
}
