import fs from 'node:fs/promises'
import path from 'node:path'

import { searchIndexPaths } from '@/lib/search-index'

// Under next start, the search index that scripts/search-index.mts wrote after the build
// (<distDir>/pagefind). A static export has these as plain files, so this route is left out of
// it (*.node.ts, see next.config.mjs).

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
}

// Index, filter and fragment files carry a content hash in their names; pagefind.js, its wasm and
// pagefind-entry.json do not, and must be fresh after a new build.
const HASHED = /\.pf_(fragment|index|meta|filter)$/

// Typed by hand: in an export build this file is no route, so RouteContext has no entry for it.
export async function GET(_request: Request, { params }: { params: Promise<{ file: string[] }> }) {
  const root = searchIndexPaths().output
  const file = path.resolve(root, ...(await params).file)
  if (!file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 })
  let body: Buffer
  try {
    body = await fs.readFile(file)
  } catch {
    return new Response('Not found', { status: 404 })
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    },
  })
}
