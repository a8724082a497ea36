import { parentPort, workerData } from 'node:worker_threads'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
// A worker is an entry point: it renders a post with the page registry, as the post page does.
// eslint-disable-next-line no-restricted-imports
import { mdxComponents } from '../../components/mdx'
import { evaluatePost } from './run'

// Renders posts for the check (see trial-render.ts), one at a time. Before each expression runs,
// its line and column go into memory shared with the main thread: if rendering never returns (a
// regular expression that backtracks for hours cannot be interrupted from inside), the main
// thread stops this worker and still knows which expression it was.
const where = new Int32Array(workerData.where as SharedArrayBuffer)
const onBegin = (text: string) => {
  const m = /:(\d+):(\d+)$/.exec(text)
  Atomics.store(where, 0, Number(m?.[1] ?? 1))
  Atomics.store(where, 1, Number(m?.[2] ?? 1))
}

parentPort!.on('message', ({ code }: { code: string }) => {
  Atomics.store(where, 0, 0)
  try {
    renderToStaticMarkup(createElement(evaluatePost(code, mdxComponents, { onBegin })))
    parentPort!.postMessage({})
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
})
