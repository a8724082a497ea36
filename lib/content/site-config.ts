import fs from 'node:fs'
import path from 'node:path'
import { basePathFrom, BasePathError } from '../base-path.mjs'
import { isTimeZone } from './dates'
import { readYamlFile } from './frontmatter'
import type { Problem } from './problems'
import { siteSchema, type SiteConfig } from './schema'

/** Reads and checks `root`/site.yaml, its url overridden by `siteUrl` (SITE_URL); undefined, with the problem, when no site can be built from it. */
export function readSiteConfig(root: string, siteUrl: string | undefined, problems: Problem[]): SiteConfig | undefined {
  const file = path.join(/*turbopackIgnore: true*/ root, 'site.yaml')
  if (!fs.existsSync(file)) {
    problems.push({ severity: 'error', file, line: 1, column: 1, message: 'site config is missing (create it with title, description, url and author)' })
    return undefined
  }
  const parsed = readYamlFile(file, siteSchema, 'site config', root)
  problems.push(...parsed.problems)
  if (!parsed.data) return undefined
  if (!isTimeZone(parsed.data.timeZone)) {
    const message = `timeZone "${parsed.data.timeZone}" is not a known time zone (use an IANA name such as Europe/Amsterdam or UTC)`
    problems.push({ severity: 'error', file, ...parsed.locate(['timeZone']), message })
    return undefined
  }
  if (siteUrl && !/^https?:\/\/[^/\s]+/.test(siteUrl)) {
    const message = `SITE_URL "${siteUrl}" is not an absolute http(s) URL (set SITE_URL=https://blog.example.com)`
    problems.push({ severity: 'error', file, line: 1, column: 1, message })
    return undefined
  }
  const url = siteUrlUnderBasePath(siteUrl || parsed.data.url, siteUrl)
  if (url instanceof BasePathError) {
    problems.push({ severity: 'error', file, ...(siteUrl ? { line: 1, column: 1 } : parsed.locate(['url'])), message: url.message })
    return undefined
  }
  return { ...parsed.data, url }
}

/**
 * The site URL every absolute URL starts from: its origin and the base path, which is its own
 * path unless INKWELL_BASE_PATH says otherwise (lib/base-path.mjs). No trailing slash.
 */
function siteUrlUnderBasePath(url: string, siteUrl: string | undefined): string | BasePathError {
  try {
    // Inside the app, Next has replaced process.env.INKWELL_BASE_PATH with what next.config resolved.
    const base = basePathFrom({ INKWELL_BASE_PATH: process.env.INKWELL_BASE_PATH, SITE_URL: siteUrl }, url)
    return `${new URL(url).origin}${base}`
  } catch (error) {
    if (error instanceof BasePathError) return error
    return url.replace(/\/+$/, '')
  }
}
