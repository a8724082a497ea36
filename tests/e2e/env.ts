import fs from 'node:fs'
import path from 'node:path'

import { pageUrl } from '@/lib/search-index'
import { ROOT } from '../site/env'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The two ways the sample site is served: next start, and the static export on nginx. */
    targets: { name: string; url: string }[]
    /** A static export whose site.yaml sets comments.endpoint (on nginx), and that endpoint (next start). */
    endpointExport: { site: string; server: string }
    /** The folder of the sample site's export (out/). */
    exportDir: string
  }
}

export { ROOT }
/** The build for next start goes here, so the suite never touches a developer's .next/. */
export const E2E_DIST = '.next-e2e'
/** `npm run export` writes the static site here (deploy/nginx.conf serves it). */
export const EXPORT_DIR = path.join(ROOT, 'out')
/** SITE_URL of both builds: absolute links to it are links within the site. */
export const SITE_URL = 'https://inkwell.example.com'
/** The admin password next start runs with (comments.test.ts logs in with it). */
export const ADMIN_PASSWORD = 'e2e admin password'

/** URL paths of every page the export holds (one HTML file each), but the 404 page. */
export function builtPages(): string[] {
  return (fs.readdirSync(EXPORT_DIR, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html') && !/(^|\/)_/.test(f) && f !== '404.html' && !f.startsWith('pagefind/'))
    .map(pageUrl)
    .sort()
}
