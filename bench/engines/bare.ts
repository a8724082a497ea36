// A bare Next.js page (one static page, nothing else) built with the repository's own next, as a
// static export: the JavaScript it ships is the framework's floor, to compare Inkwell's pages with.
import fs from 'node:fs'
import path from 'node:path'

import { measure, type Run } from '../measure'
import { childEnv, rm, ROOT, WORK } from './engine'

export const BARE = path.join(WORK, 'bare')
export const BARE_EXPORT = path.join(BARE, 'out')

const FILES: Record<string, string> = {
  // No lockfile and no node_modules here: next, react and react-dom resolve from the repository's.
  'next.config.mjs': "export default { output: 'export' }\n",
  'app/layout.jsx':
    'export const metadata = { title: \'Bare\' }\n\nexport default function Layout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  )\n}\n',
  'app/page.jsx': 'export default function Page() {\n  return <p>A bare Next.js page.</p>\n}\n',
}

/** Writes and builds the bare app; its export is in BARE_EXPORT. */
export async function buildBare(timeoutMs: number, log: string): Promise<Run> {
  rm(BARE)
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(BARE, name)), { recursive: true })
    fs.writeFileSync(path.join(BARE, name), text)
  }
  return measure(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: BARE,
    env: childEnv({}),
    timeoutMs,
    log,
  })
}
