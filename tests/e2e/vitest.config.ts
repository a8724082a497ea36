import path from 'node:path'
import { defineConfig } from 'vitest/config'

// The browser suite (npm run test:e2e): builds the sample site (content/) twice, serves it with
// next start and as a static export on nginx, and runs every test against both. It needs Debian's
// chromium and nginx, and takes a few minutes, so `npm test` does not run it.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, '../..') } },
  test: {
    name: 'e2e',
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    hookTimeout: 600_000,
    testTimeout: 120_000,
    // Files share the two servers; one browser at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
})
