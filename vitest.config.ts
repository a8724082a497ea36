import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@': path.resolve(import.meta.dirname) }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'tests/lib/**/*.test.{ts,tsx}',
            'tests/components/**/*.test.{ts,tsx}',
            'tests/deploy/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
          exclude: ['tests/lib/comments/**', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Storage tests, each on PGlite and on a real PostgreSQL server that the setup starts.
        resolve: { alias },
        test: {
          name: 'comments',
          include: ['tests/lib/comments/**/*.test.{ts,tsx}'],
          environment: 'node',
          globalSetup: ['tests/lib/comments/global-setup.ts'],
          hookTimeout: 60_000,
          testTimeout: 30_000,
        },
      },
      {
        // Imports the fixtures of every importer into one site, builds it once and serves it.
        resolve: { alias },
        test: {
          name: 'import',
          include: ['tests/import/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 300_000,
          testTimeout: 60_000,
        },
      },
      {
        // Builds the fixture site once (next build, about 20 s) and serves it for these tests.
        resolve: { alias },
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/global-setup.ts'],
          hookTimeout: 300_000,
          testTimeout: 60_000,
        },
      },
      {
        // Builds and exports the sample site under a sub-path (/blog) once, and serves both.
        resolve: { alias },
        test: {
          name: 'base-path',
          include: ['tests/base-path/**/*.test.ts'],
          environment: 'node',
          hookTimeout: 900_000,
          testTimeout: 120_000,
        },
      },
    ],
  },
})
