import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    // The build test runs `next build` on a fixture site: minutes, not milliseconds.
    testTimeout: 20_000,
    hookTimeout: 300_000,
  },
})
