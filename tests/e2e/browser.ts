// Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

import { SITE_URL } from './env'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    // A fresh temporary profile each launch (Playwright's default); no network beyond our servers.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

// The machine is offline, and a post shows a remote image. Requests to other origins get this
// placeholder instead, so "no failed requests" is about our site; anything but an image from
// another origin is reported as a problem.
const PLACEHOLDER =
  '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9" viewBox="0 0 16 9"><rect width="16" height="9" fill="#999"/></svg>'

/** What went wrong while pages loaded in a context: console errors, page errors, failed requests. */
export interface Watch {
  problems: string[]
  /** Every URL requested, in order. */
  requests: string[]
}

/** A browser context for `base` that records problems and keeps requests on this machine (`base` and `allow`). */
export async function openContext(
  browser: Browser,
  base: string,
  { allow = [], ...options }: BrowserContextOptions & { allow?: string[] } = {},
): Promise<{ context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
  const watch: Watch = { problems: [], requests: [] }
  const site = new URL(SITE_URL).origin
  await context.route(
    (url) => url.origin !== base && !allow.includes(url.origin),
    async (route) => {
      const request = route.request()
      // The site's public address (canonical links, the refresh of an alias page in an export)
      // is this server.
      const url = new URL(request.url())
      if (url.origin === site) return route.fulfill({ status: 302, headers: { location: base + url.pathname + url.search } })
      if (request.resourceType() === 'image') return route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER })
      watch.problems.push(`request to another origin: ${request.url()}`)
      return route.abort()
    },
  )
  context.on('page', (page) => watchPage(page, watch))
  return { context, watch }
}

/** The path the tests use for a page that does not exist. */
export const MISSING_PAGE = '/this-page-does-not-exist'
const isMissingPage = (url: string) => url.startsWith('http') && new URL(url).pathname === MISSING_PAGE

function watchPage(page: Page, watch: Watch) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // Chromium logs the status of the missing page that the tests ask for on purpose.
    if (isMissingPage(page.url()) && message.text().includes('status of 404')) return
    watch.problems.push(`${page.url()}: console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => watch.problems.push(`${page.url()}: ${error.message}`))
  page.on('request', (request) => watch.requests.push(request.url()))
  page.on('requestfailed', (request) => {
    // A navigation that replaces a page cancels what that page was still fetching (prefetches).
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return
    watch.problems.push(`${page.url()}: request failed: ${request.url()} (${request.failure()?.errorText})`)
  })
  page.on('response', (response) => {
    const expected404 = response.request().isNavigationRequest() && isMissingPage(response.url())
    if (response.status() >= 400 && !expected404) watch.problems.push(`${page.url()}: HTTP ${response.status()} for ${response.url()}`)
  })
}

/** Loads `path` and waits until the page is idle (hydrated, images in view loaded). */
export async function visit(page: Page, base: string, path: string) {
  const response = await page.goto(base + path, { waitUntil: 'networkidle' })
  return response
}

/**
 * Visits every path in `paths` in `tabs` tabs of `context` at once, calling `check` on each page
 * once it is idle, and returns what the checks returned in the order of `paths`. Most of a visit
 * is the half second of network silence that `networkidle` waits for, so tabs side by side cut a
 * suite's tour of the site to a fraction on two cores; each tab still loads one page at a time.
 */
export async function visitEach<T>(
  context: BrowserContext,
  base: string,
  paths: string[],
  check: (page: Page, path: string, response: Awaited<ReturnType<typeof visit>>) => Promise<T>,
  tabs = 4,
): Promise<T[]> {
  const results: T[] = new Array(paths.length)
  let next = 0
  const tab = async () => {
    const page = await context.newPage()
    while (next < paths.length) {
      const i = next++
      results[i] = await check(page, paths[i]!, await visit(page, base, paths[i]!))
    }
    await page.close()
  }
  await Promise.all(Array.from({ length: Math.min(tabs, paths.length) }, tab))
  return results
}
