import type { TestProject } from 'vitest/node'

import { startPostgres } from './postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the PostgreSQL server the storage tests run against, beside PGlite. */
    postgresUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres()
  project.provide('postgresUrl', server.url)
  return () => server.stop()
}
