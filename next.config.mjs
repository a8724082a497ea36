import os from 'node:os'
import createMDX from '@next/mdx'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js'

import { contentSecurityPolicy, securityHeaders, svgPolicy } from './lib/security-headers.mjs'

// INKWELL_OUTPUT=export writes a static site to out/ (npm run export).
// INKWELL_DIST_DIR lets the build tests build a fixture site without touching .next/.
const staticExport = process.env.INKWELL_OUTPUT === 'export'

const withMDX = createMDX({
  // Plugins are named by string so Turbopack can pass them to its MDX loader.
  options: {
    remarkPlugins: ['remark-gfm'],
    rehypePlugins: ['rehype-slug'],
  },
})

/** @type {(phase: string) => import('next').NextConfig} */
export default function config(phase) {
  const dev = phase === PHASE_DEVELOPMENT_SERVER
  return withMDX({
    output: staticExport ? 'export' : undefined,
    distDir: process.env.INKWELL_DIST_DIR || '.next',
    // Files named *.dev.ts(x) are routes only under next dev (the content reloader's endpoint);
    // *.node.ts(x) ones only where a Node server runs the site, not in a static export (the search
    // index route: an export has the index as plain files; the comment API, comment pages and
    // feeds, and /admin: an export has no server, and its comments live on `comments.endpoint`).
    pageExtensions: ['ts', 'tsx', 'mdx', ...(dev ? ['dev.ts'] : []), ...(staticExport ? [] : ['node.ts', 'node.tsx'])],
    poweredByHeader: false,
    // Route types come in through next-env.d.ts from whichever distDir was built last, so builds
    // into .next-fixture and friends never rewrite tsconfig.json's include list.
    experimental: {
      strictRouteTypes: true,
      // Next renders static pages on one worker fewer than there are cores, which on two cores
      // is one worker and half the machine idle: 1,000 posts render about 1.7 times faster on two.
      cpus: os.availableParallelism(),
    },
    // `npm run typecheck` (and CI) check the engine's types; a content build repeating it costs
    // about 10 s on every build and finds nothing that a post can change.
    typescript: { ignoreBuildErrors: true },
    reactStrictMode: true,
    // The MDX compiler runs in Node as it is; bundling it gains nothing and slows builds.
    // PGlite loads its WebAssembly and data files from beside its own module, so it stays unbundled.
    serverExternalPackages: ['@mdx-js/mdx', 'rehype-pretty-code', 'shiki', '@electric-sql/pglite', 'pg'],
    // A static export has no server to send headers (Next warns); deploy/nginx.conf sends the same.
    ...(staticExport
      ? {}
      : {
          async headers() {
            const headers = [{ key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev }) }, ...securityHeaders]
            return [
              { source: '/:path*', headers },
              // Later rules win: SVGs keep the stricter policy the image route also sets.
              { source: '/:path(.*\\.svg)', headers: [{ key: 'Content-Security-Policy', value: svgPolicy }] },
            ]
          },
        }),
  })
}
