import { z } from 'zod'

import { normalizeBasePath } from './base-path.mjs'

// Every environment variable Inkwell reads, parsed here and nowhere else (next.config.mjs reads
// INKWELL_OUTPUT, INKWELL_DIST_DIR and INKWELL_COMPRESS itself: it runs before any TypeScript is loaded). The README
// lists the same variables; a test keeps the two lists equal. A value that makes no sense stops
// the process with one line naming the variable, instead of being taken for its default.

const flag = z.enum(['0', '1']).optional()
const text = z.string().trim().min(1).optional()
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional()

export const envSchema = z.object({
  SITE_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('the absolute URL of the site, for feeds, sitemap, canonical and social links'),
  INKWELL_DRAFTS: flag.describe('`1`: a preview build that includes drafts and scheduled posts, badged and `noindex`'),
  INKWELL_CONTENT_DIR: text.describe('read content from another folder (the tests build `tests/fixtures/site/content`)'),
  INKWELL_NOW: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('the moment that decides which posts are scheduled (`npm run build` sets it once for every step and worker)'),
  INKWELL_CACHE: flag.describe('`0`: compile every post again instead of using the compile cache'),
  INKWELL_OUTPUT: z
    .enum(['export', 'standalone'])
    .optional()
    .describe(
      '`export`: a static export (what `npm run export` sets); `standalone`: a self-contained server in `<distDir>/standalone` (what the Dockerfile builds)',
    ),
  INKWELL_DIST_DIR: text.describe('where `next build` writes (default `.next`, or `out` for an export)'),
  INKWELL_BASE_PATH: z
    .string()
    .refine(isBasePath)
    .optional()
    .describe('serve the site under this path, such as `/blog` (default: the path of the site URL); links, feeds and the export follow'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional()
    .describe('store comments in this PostgreSQL server instead of the embedded database'),
  INKWELL_DATA_DIR: text.describe('where the embedded comment database lives (default `data/`)'),
  INKWELL_ADMIN_PASSWORD: text.describe('the password of `/admin`'),
  INKWELL_ADMIN_PASSWORD_HASH: z
    .string()
    .regex(/^scrypt:[0-9a-f]+:[0-9a-f]+$/, 'a hash from npm run comments -- hash-password')
    .optional()
    .describe('the password of `/admin` as a hash (`npm run comments -- hash-password`)'),
  INKWELL_SECRET: z
    .string()
    .min(8, 'at least 8 characters')
    .optional()
    .describe('the secret that signs sessions and forms (default: generated, kept in the database)'),
  INKWELL_COMMENT_WEBHOOK: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('a URL that gets a JSON POST for each comment waiting for moderation'),
  INKWELL_COMMENT_RATE_LIMIT: z
    .string()
    .regex(/^\d+\s*\/\s*\d+$/, 'comments/minutes, such as 5/10')
    .optional()
    .describe('comments one client may post, per minutes: `5/10` by default'),
  INKWELL_COMPRESS: flag.describe(
    "`0`: the server sends responses uncompressed, for a proxy in front that compresses them (read by `next start`; the standalone server keeps its build's)",
  ),
  INKWELL_TRUSTED_PROXIES: count(1, 10).describe('how many proxies in front of Inkwell append to `X-Forwarded-For` (default 1)'),
})

export type Env = z.infer<typeof envSchema>

function isBasePath(value: string): boolean {
  try {
    normalizeBasePath(value)
    return true
  } catch {
    return false
  }
}

/** Thrown for a variable that is set to something Inkwell cannot use. */
export class EnvError extends Error {}

// Parsed once per set of values: the same process may see its environment changed (tests do).
const parsed = new Map<string, Env>()

/**
 * The environment, parsed: empty values count as unset. Throws an EnvError naming each variable
 * that is wrong and what it should be.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const values = Object.fromEntries(Object.keys(envSchema.shape).map((key) => [key, source[key]?.trim() ? source[key] : undefined]))
  const id = JSON.stringify(values)
  const known = parsed.get(id)
  if (known) return known
  const result = envSchema.safeParse(values)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = String(issue.path[0])
      return `${key}=${JSON.stringify(values[key])} is not ${FORMATS[key as keyof Env] ?? issue.message}`
    })
    throw new EnvError(lines.join('\n'))
  }
  parsed.set(id, result.data)
  return result.data
}

const FORMATS: Partial<Record<keyof Env, string>> = {
  SITE_URL: 'an http(s) URL, such as https://blog.example.com',
  INKWELL_NOW: 'a date and time with its offset, such as 2026-01-31T09:00:00Z',
  INKWELL_COMMENT_WEBHOOK: 'an http(s) URL',
  INKWELL_DRAFTS: '0 or 1',
  INKWELL_CACHE: '0 or 1',
  INKWELL_COMPRESS: '0 or 1',
  INKWELL_OUTPUT: 'export, standalone (or unset)',
  INKWELL_BASE_PATH: 'a path such as /blog (letters, digits and - _ . ~ between slashes)',
  INKWELL_TRUSTED_PROXIES: 'a whole number from 1 to 10',
  DATABASE_URL: 'a postgres:// URL',
  INKWELL_ADMIN_PASSWORD_HASH: 'a hash from npm run comments -- hash-password (scrypt:…:…)',
  INKWELL_COMMENT_RATE_LIMIT: 'comments/minutes, such as 5/10 (5 comments per 10 minutes)',
}

/** The README's table of variables, for the test that keeps it in step with the schema. */
export function envDocs(): { name: string; description: string }[] {
  return Object.entries(envSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }))
}
