import path from 'node:path'

export const ROOT = path.resolve(import.meta.dirname, '../..')
/** Where the fixture build goes, so it never touches the developer's .next/. */
export const FIXTURE_DIST = '.next-fixture'

/** The environment for building and serving a content folder into `dist`. */
export function buildEnv(content: string, dist: string): NodeJS.ProcessEnv {
  // vitest sets NODE_ENV=test; next build must pick its own. The rest would change the site.
  const { NODE_ENV: _mode, SITE_URL: _url, INKWELL_DRAFTS: _drafts, ...rest } = process.env
  // Next types NODE_ENV as always set; here it is deliberately absent.
  return { ...rest, INKWELL_CONTENT_DIR: content, INKWELL_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv
}
