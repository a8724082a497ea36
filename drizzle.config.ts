import { defineConfig } from 'drizzle-kit'

// `npx drizzle-kit generate` turns changes to lib/comments/schema.ts into a new versioned SQL file
// in migrations/; the server applies them at start and `npm run db:migrate` on demand.
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/comments/schema.ts',
  out: './migrations',
})
