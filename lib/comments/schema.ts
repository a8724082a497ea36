import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core'

// The comment tables, one schema for PGlite and PostgreSQL. Changing it means a new migration:
// `npx drizzle-kit generate` writes it to migrations/ (see drizzle.config.ts).

/** Where a comment stands: only `approved` ones are shown to readers and in feeds. */
export const COMMENT_STATUSES = ['pending', 'approved', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const comments = pgTable(
  'comments',
  {
    id: serial('id').primaryKey(),
    post: text('post').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    website: text('website'),
    /** Markdown as the commenter wrote it; rendered through the sanitizer when read. */
    body: text('body').notNull(),
    status: text('status').$type<CommentStatus>().notNull().default('pending'),
    isAuthor: boolean('is_author').notNull().default(false),
    /** Keyed hash of the client address (never the address itself); null for the author's replies. */
    client: text('client'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('comments_post_status').on(t.post, t.status, t.createdAt),
    index('comments_status_created').on(t.status, t.createdAt),
    // The duplicate check (name, post, body) and first-time trust (name, website) look a commenter up by name.
    index('comments_name_post').on(t.name, t.post),
  ],
)

/** The author's per-post override of the frontmatter and site default: open or closed. */
export const postSettings = pgTable('post_settings', {
  post: text('post').primaryKey(),
  open: boolean('open').notNull(),
})

/** Fixed-window counters (comment rate limits, failed logins), shared by every instance. */
export const counters = pgTable(
  'counters',
  {
    key: text('key').notNull(),
    window: timestamp('window', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.window] })],
)

/** Server-side values such as the generated signing secret. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
