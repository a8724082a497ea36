// Bare Next.js apps built with the repository's own next, to tell the framework's cost from ours:
// - one static page as a static export: the JavaScript it ships is the floor for page weight;
// - N trivial static pages as a server build (what `npm run build` makes), with the same worker
//   count as Inkwell's next.config: the floor for build time and memory at N posts.
import fs from 'node:fs'
import path from 'node:path'

import { measure, type Run } from '../measure'
import { childEnv, rm, ROOT, WORK } from './engine'

export const BARE = path.join(WORK, 'bare')
export const BARE_EXPORT = path.join(BARE, 'out')
/** Where the N-page floor app is written and built. */
export const FLOOR = path.join(WORK, 'floor')

const LAYOUT =
  'export const metadata = { title: \'Bare\' }\n\nexport default function Layout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  )\n}\n'

const BARE_FILES: Record<string, string> = {
  // No lockfile and no node_modules here: next, react and react-dom resolve from the repository's.
  'next.config.mjs': "export default { output: 'export' }\n",
  'app/layout.jsx': LAYOUT,
  'app/page.jsx': 'export default function Page() {\n  return <p>A bare Next.js page.</p>\n}\n',
}

/** The floor app: `pages` pages at /p/1 … /p/N, each a heading and a paragraph, all prerendered. */
function floorFiles(pages: number): Record<string, string> {
  return {
    // Inkwell renders static pages on every core (next.config.mjs); so does the floor.
    'next.config.mjs':
      "import os from 'node:os'\n\nexport default { experimental: { cpus: os.availableParallelism() }, typescript: { ignoreBuildErrors: true } }\n",
    'app/layout.jsx': LAYOUT,
    'app/page.jsx': 'export default function Page() {\n  return <p>A bare Next.js app.</p>\n}\n',
    'app/p/[n]/page.jsx': `export const dynamicParams = false

export function generateStaticParams() {
  return Array.from({ length: ${pages} }, (_, i) => ({ n: String(i + 1) }))
}

export default async function Page({ params }) {
  const { n } = await params
  return (
    <main>
      <h1>Page {n}</h1>
      <p>A trivial static page, one of ${pages}.</p>
    </main>
  )
}
`,
  }
}

function write(dir: string, files: Record<string, string>) {
  rm(dir)
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
}

const nextBuild = (cwd: string, timeoutMs: number, log: string) =>
  measure(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], { cwd, env: childEnv({}), timeoutMs, log })

/** Writes and builds the one-page bare app; its export is in BARE_EXPORT. */
export async function buildBare(timeoutMs: number, log: string): Promise<Run> {
  write(BARE, BARE_FILES)
  return nextBuild(BARE, timeoutMs, log)
}

/** Writes and builds the floor app with `pages` pages (a cold build: its folder is new). */
export async function buildFloor(pages: number, timeoutMs: number, log: string): Promise<Run> {
  write(FLOOR, floorFiles(pages))
  return nextBuild(FLOOR, timeoutMs, log)
}
