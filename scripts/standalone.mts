// After `next build` with INKWELL_OUTPUT=standalone (npm run build runs it): makes
// <distDir>/standalone a folder that runs on its own with `node server.js`, the folder the
// Dockerfile ships. Next puts the server and every file its imports reach in it; this adds what
// the server reads from disk by path: the static files, the search index, public/, and content/
// (the comment routes load the posts to know which exist and take comments), and the whole of each
// unbundled package (serverExternalPackages): Turbopack traces an external ES module package only
// a file deep (unified/index.js without its lib/), so they are copied with everything they depend on.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { readEnv } from '../lib/env'

export interface Copy {
  /** From the project root. */
  from: string
  /** From the standalone folder, which is the server's working directory. */
  to: string
  /** Whether the build must have made it (public/ is optional). */
  required: boolean
}

/** What goes into the standalone folder, for a build with this environment. */
export function standaloneCopies(
  source: Record<string, string | undefined> = process.env,
  root = process.cwd(),
): { dir: string; copies: Copy[] } {
  const env = readEnv(source)
  const dist = env.INKWELL_DIST_DIR || '.next'
  const content = path.relative(root, path.resolve(root, env.INKWELL_CONTENT_DIR || 'content'))
  // The server resolves content/ (or INKWELL_CONTENT_DIR) from its working directory, as the build did.
  if (content.startsWith('..') || path.isAbsolute(content))
    throw new Error(`INKWELL_CONTENT_DIR must be inside ${root} for a standalone build`)
  return {
    dir: path.join(dist, 'standalone'),
    copies: [
      { from: path.join(dist, 'static'), to: path.join(dist, 'static'), required: true },
      { from: path.join(dist, 'pagefind'), to: path.join(dist, 'pagefind'), required: true },
      // The posts' images and cards, answered without loading the content (lib/post-files-manifest.ts).
      { from: path.join(dist, 'inkwell'), to: path.join(dist, 'inkwell'), required: true },
      { from: content, to: content, required: true },
      { from: 'public', to: 'public', required: false },
    ],
  }
}

/** The unbundled packages the server loads: Turbopack links each as <distDir>/node_modules/<name>-<hash>. */
function externalPackages(standaloneDist: string): string[] {
  const dir = path.join(standaloneDist, 'node_modules')
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).flatMap((entry) => {
    const names = entry.startsWith('@') ? fs.readdirSync(path.join(dir, entry)).map((sub) => `${entry}/${sub}`) : [entry]
    return names.map((name) => name.replace(/-[0-9a-f]{16}$/, ''))
  })
}

/** Package folders `names` need at run time, from `root`'s node_modules: each, and what each depends on. */
export function packageClosure(root: string, names: string[]): string[] {
  const found = new Set<string>()
  const visit = (name: string, from: string) => {
    // Node's lookup: node_modules beside the requiring package, then each folder above it.
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name)
      if (fs.existsSync(path.join(candidate, 'package.json'))) {
        if (found.has(candidate)) return
        found.add(candidate)
        const manifest = JSON.parse(fs.readFileSync(path.join(candidate, 'package.json'), 'utf8'))
        const deps = { ...manifest.optionalDependencies, ...manifest.peerDependencies, ...manifest.dependencies }
        for (const dep of Object.keys(deps)) visit(dep, candidate)
        return
      }
      // Optional and peer dependencies may be absent: that is the package's own business.
      if (dir === root || dir === path.dirname(dir)) return
    }
  }
  for (const name of names) visit(name, root)
  return [...found].map((dir) => path.relative(root, dir)).sort()
}

function main() {
  const root = process.cwd()
  const { dir, copies } = standaloneCopies()
  if (!fs.existsSync(path.join(root, dir, 'server.js')))
    throw new Error(`${dir}/server.js is missing: build with INKWELL_OUTPUT=standalone first`)
  for (const { from, to, required } of copies) {
    if (!fs.existsSync(path.join(root, from))) {
      if (required) throw new Error(`${from} is missing: the build did not finish`)
      continue
    }
    fs.rmSync(path.join(root, dir, to), { recursive: true, force: true })
    fs.cpSync(path.join(root, from), path.join(root, dir, to), { recursive: true })
  }
  const { INKWELL_DIST_DIR } = readEnv()
  const packages = packageClosure(root, externalPackages(path.join(root, dir, INKWELL_DIST_DIR || '.next')))
  for (const pkg of packages) fs.cpSync(path.join(root, pkg), path.join(root, dir, pkg), { recursive: true, force: true })
  console.log(`✓ standalone server: node ${dir}/server.js (${packages.length} unbundled packages copied whole)`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
