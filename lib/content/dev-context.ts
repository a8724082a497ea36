import { AsyncResource } from 'node:async_hooks'
import fs from 'node:fs'
import path from 'node:path'

// In next dev, React follows every promise that a server component's work creates, and records a
// stack trace for each one made while the component runs. Loading 1,000 posts makes tens of
// thousands of promises: on a reload after an edit that tracking took about as long as the load
// itself. So next dev starts content loads in an async context captured when the server starts
// (instrumentation.ts), outside any render, and after the rendering component has returned.

const KEY = Symbol.for('inkwell.contentLoadContext')
const WATCHING = Symbol.for('inkwell.contentWatcher')
const store = globalThis as { [KEY]?: AsyncResource; [WATCHING]?: boolean }

/** Called once when the dev server starts, before any request: the context loads run in. */
export function captureLoadContext(): void {
  store[KEY] ??= new AsyncResource('inkwell.content')
}

/** Runs `start` outside the current render when a load context was captured; else as it is. */
export function outsideRender<T>(start: () => Promise<T>): Promise<T> {
  const context = store[KEY]
  if (!context) return start()
  return new Promise<T>((resolve, reject) => {
    context.runInAsyncScope(() => setImmediate(() => start().then(resolve, reject)))
  })
}

// A fenced code block: its opening fence, up to the same fence closing it.
const FENCED = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n {0,3}\1[ \t]*$/gm

/**
 * Highlights the code blocks of `file` (the newest post: usually the one being written) once, a
 * second after the dev server's first load, so the author's first save does not wait for the
 * highlighter to compile its grammars (a quarter of a second for one language). The result is
 * thrown away; whatever goes wrong is left to the real compile to report.
 */
export function warmHighlighter(file: string, dirs: { publicDir?: string; contentDir: string }): void {
  const run = async () => {
    const blocks = fs.readFileSync(file, 'utf8').match(FENCED)
    if (!blocks) return
    const { compilePost } = await import('./mdx')
    await compilePost(blocks.join('\n\n'), { file, dir: path.dirname(file), assetBase: '/', publicDir: dirs.publicDir ?? dirs.contentDir, contentDir: dirs.contentDir })
  }
  setTimeout(() => void outsideRender(run).catch(() => undefined), 1000).unref()
}

/**
 * Calls `changed` as soon as anything under `dir` changes (25 ms after the last event of a burst:
 * editors write a file in steps), so next dev starts reloading the content when the author
 * saves rather than when the page's reloader next asks (every 300 ms). Once per process. The
 * reloader's polls stay what decides: where the folder cannot be watched (too many folders for
 * the system's limit), or an event is missed, they still notice every change.
 */
export function watchContent(dir: string, changed: () => void): void {
  if (store[WATCHING]) return
  store[WATCHING] = true
  let timer: NodeJS.Timeout | undefined
  const watch = () => {
    try {
      const watcher = fs.watch(dir, { recursive: true, persistent: false }, () => {
        clearTimeout(timer)
        timer = setTimeout(changed, 25).unref()
      })
      watcher.on('error', () => watcher.close())
    } catch {
      // Not watched: the polls alone.
    }
  }
  // Watching every folder takes a moment (about 0.1 s per 1,000 posts): after the first page. In
  // the load context, not the request's that asked first: React would take every change for
  // part of that request, and answer its cached reads (the folder's fingerprint) from it.
  const schedule = () => void setTimeout(watch, 1000).unref()
  const context = store[KEY]
  if (context) context.runInAsyncScope(schedule)
  else schedule()
}
