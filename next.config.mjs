import createMDX from '@next/mdx'

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

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: staticExport ? 'export' : undefined,
  distDir: process.env.INKWELL_DIST_DIR || '.next',
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The MDX compiler runs in Node as it is; bundling it gains nothing and slows builds.
  serverExternalPackages: ['@mdx-js/mdx', 'rehype-pretty-code', 'shiki'],
}

export default withMDX(nextConfig)
