import createMDX from '@next/mdx'
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js'

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
    // Files named *.dev.ts(x) are routes only under next dev (the content reloader's endpoint).
    pageExtensions: dev ? ['ts', 'tsx', 'mdx', 'dev.ts'] : ['ts', 'tsx', 'mdx'],
    poweredByHeader: false,
    reactStrictMode: true,
    // The MDX compiler runs in Node as it is; bundling it gains nothing and slows builds.
    serverExternalPackages: ['@mdx-js/mdx', 'rehype-pretty-code', 'shiki'],
  })
}
