import os from 'node:os'
import createMDX from '@next/mdx'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js'

import { siteBasePath } from './lib/base-path.mjs'
import { contentSecurityPolicy, securityHeaders, svgPolicy } from './lib/security-headers.mjs'

// INKWELL_OUTPUT=export writes a static site to out/ (npm run export); INKWELL_OUTPUT=standalone
// adds <distDir>/standalone, a server.js with only the files it needs (the Dockerfile ships it).
// INKWELL_DIST_DIR lets the build tests build a fixture site without touching .next/.
const staticExport = process.env.INKWELL_OUTPUT === 'export'
const standalone = process.env.INKWELL_OUTPUT === 'standalone'

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
  // A site under a path (`url: https://me.github.io/blog`, or INKWELL_BASE_PATH): the one read of
  // site.yaml here, because `next dev` and `next start` run without scripts/build.mts. Every bundle
  // gets the result as process.env.INKWELL_BASE_PATH, which lib/base-path.mjs's basePath() reads.
  const basePath = siteBasePath()
  return withMDX({
    basePath,
    // '/', not '', for none: an empty INKWELL_BASE_PATH counts as unset.
    env: { INKWELL_BASE_PATH: basePath || '/' },
    output: staticExport ? 'export' : standalone ? 'standalone' : undefined,
    distDir: process.env.INKWELL_DIST_DIR || '.next',
    // Files named *.dev.ts(x) are routes only under next dev (the content reloader's endpoint);
    // *.node.ts(x) ones only where a Node server runs the site, not in a static export (the search
    // index route: an export has the index as plain files; the comment API, comment pages and
    // feeds, and /admin: an export has no server, and its comments live on `comments.endpoint`).
    // *.export.ts ones only in a static export: a post's images and social card, prerendered as
    // files there and answered on request by their route.node.ts elsewhere (lib/post-files.ts).
    pageExtensions: ['ts', 'tsx', 'mdx', ...(dev ? ['dev.ts'] : []), ...(staticExport ? ['export.ts'] : ['node.ts', 'node.tsx'])],
    poweredByHeader: false,
    // INKWELL_COMPRESS=0: responses leave uncompressed, for a proxy in front that compresses
    // (deploy/nginx-lb.conf). Read by next start when it starts; a standalone server keeps what
    // its build had.
    compress: process.env.INKWELL_COMPRESS !== '0',
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
    serverExternalPackages: ['@mdx-js/mdx', 'rehype-pretty-code', 'shiki', '@electric-sql/pglite', 'pg', 'satori', 'sharp'],
    // What the server reads from disk besides its bundles (a standalone build copies only traced
    // files): the migrations, and the page files whose paths the content's link check knows.
    // content/, public/ and the static files are copied by scripts/standalone.mts. Paths the tracer
    // cannot resolve (a data folder, process.cwd()) make it take the whole project: never ship the
    // developer's comments, exports, benchmarks or tests.
    outputFileTracingIncludes: { '*': ['migrations/**', 'app/**/page.{tsx,mdx}'] },
    outputFileTracingExcludes: {
      '*': ['data/**', 'out/**', 'bench/**', 'tests/**', 'lib/**', 'schemas/**', 'coverage/**', 'package-lock.json', 'tsconfig.json'],
    },
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
