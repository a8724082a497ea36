import { errorsOf } from './broken'
import type { Content } from './load'
import { ContentError, formatProblem, sortProblems, type Problem } from './problems'

// next dev loads the content again after every save. Its terminal gets each problem once, when
// it appears, worded as `npm run check` words it; not again on every request or every save.

const store = globalThis as { [key: symbol]: Set<string> | undefined }
const REPORTED = Symbol.for('inkwell.reported-problems')

/** next dev: prints the problems of a load that the load before it did not have, one line each. */
export function reportNewProblems(load: Promise<Content>): void {
  // next dev also runs generateStaticParams in a fresh worker process for each request to a
  // post or list page (jest-worker's processChild.js), which loads the content again: its report
  // would print every line again on every such request.
  if (/jest-worker[\\/]processChild/.test(process.argv[1] ?? '')) return
  load.then(
    (content) => report(sortProblems([...content.warnings, ...content.posts.flatMap(errorsOf)])),
    // Any other error is Next's to show: it fails every page.
    (error: unknown) => report(error instanceof ContentError ? error.problems : []),
  )
}

function report(problems: Problem[]): void {
  const before = store[REPORTED] ?? new Set()
  const lines = new Set<string>()
  for (const line of problems.map((p) => formatProblem(p))) {
    lines.add(line)
    // console.warn for errors too: next dev replays a request's console in the browser, where an
    // error would count as an issue of whatever page happened to load the content.
    if (!before.has(line)) console.warn(line)
  }
  store[REPORTED] = lines
}
