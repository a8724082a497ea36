// A site under a sub-path (site.yaml `url: https://me.github.io/blog`), built and exported once
// (servers.ts) and checked the same way under next start and as an export on nginx: every link,
// asset, image, feed entry, sitemap entry, canonical URL, social card, alias and the search are
// under /blog, and every one of them answers.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, openContext, visit } from '../e2e/browser'
import { BASE, PUBLIC_URL, startServers } from './servers'

let servers: Awaited<ReturnType<typeof startServers>> | undefined
beforeAll(async () => {
  servers = await startServers()
}, 900_000)
afterAll(() => servers?.stop())

const PUBLIC_ORIGIN = new URL(PUBLIC_URL).origin
const POST = `${BASE}/posts/formulas-without-images`
const ALIAS = { from: `${BASE}/2024/05/moving-a-blog-into-files-part-1`, to: `${BASE}/posts/moving-in-part-1-taking-stock` }

/** A URL of the site, root-relative or on its public address, as `origin` serves it; undefined for other sites' URLs. */
function local(url: string, origin: string): string | undefined {
  const clean = url.replace(/#.*$/, '')
  if (clean.startsWith(PUBLIC_ORIGIN)) return origin + clean.slice(PUBLIC_ORIGIN.length)
  if (clean.startsWith('/') && !clean.startsWith('//')) return origin + clean
  return undefined
}

/** Where `url` (a URL of the site) is not under the base path, a line saying so. */
function outside(url: string, where: string): string | undefined {
  const pathname = url.startsWith(PUBLIC_ORIGIN) ? url.slice(PUBLIC_ORIGIN.length) : url
  return /^\/blog(?:[/?#]|$)/.test(pathname) ? undefined : `${where}: ${url} is not under ${BASE}`
}

/** Each mention of the public origin not followed by the base path, in any text (JSON-LD included). */
function strayAbsolute(text: string, where: string): string[] {
  const stray = text.match(/https:\/\/me\.github\.io(?!\/blog(?:[/"'?#<&\s\\]|$))[^\s"'<]*/g) ?? []
  return stray.map((url) => `${where}: ${url} is not under ${PUBLIC_URL}`)
}

/** The URLs in the attributes of an HTML page that a browser follows or fetches (not those in scripts). */
function attributeUrls(html: string): string[] {
  const urls: string[] = []
  for (const [, name, value] of html.matchAll(/\s(href|src|srcset|action|poster|content)="([^"]*)"/gi)) {
    const text = value!.replaceAll('&amp;', '&')
    if (name!.toLowerCase() === 'srcset') urls.push(...text.split(',').map((c) => c.trim().split(/\s+/)[0]!))
    else if (name!.toLowerCase() !== 'content' || text.startsWith(PUBLIC_ORIGIN)) urls.push(text)
  }
  return urls.filter((url) => local(url, '') !== undefined)
}

/** Checks one page: what is wrong with its URLs, and the URLs it holds. */
function checkPage(html: string, where: string): { problems: string[]; urls: string[] } {
  const urls = attributeUrls(html)
  const problems = [...urls.map((url) => outside(url, where)).filter((p) => p !== undefined), ...strayAbsolute(html, where)]
  return { problems, urls }
}

/** Fetches each URL once; a line for every one that does not answer 200, and the fonts and images CSS names. */
async function unanswered(urls: Iterable<string>, origin: string): Promise<string[]> {
  const problems: string[] = []
  const queue = [...new Set([...urls].map((url) => local(url, origin)).filter((url) => url !== undefined))]
  const seen = new Set(queue)
  for (const url of queue) {
    const response = await fetch(url, { redirect: 'manual' })
    if (response.status !== 200) problems.push(`${url}: HTTP ${response.status}`)
    if (!(response.headers.get('content-type') ?? '').startsWith('text/css')) continue
    for (const [, ref] of (await response.text()).matchAll(/url\(["']?([^"')]+)["']?\)/g)) {
      const next = new URL(ref!, url)
      if (!next.protocol.startsWith('http') || seen.has(next.href)) continue
      seen.add(next.href)
      queue.push(next.href)
    }
  }
  return problems
}

async function get(url: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(url, { redirect: 'manual' })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

const meta = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]

describe.each(['next start', 'static export on nginx'])('a site under %s', (name) => {
  const origin = () => servers!.targets.find((t) => t.name === name)!.origin

  it('links every page from the home page under /blog, and every URL in those pages is under /blog and answers', async () => {
    const home = await get(origin() + BASE)
    expect(home.status).toBe(200)
    const pages = [BASE, ...new Set([...home.text.matchAll(/<a\s[^>]*href="([^"#]+)/g)].map((m) => m[1]!).filter((h) => local(h, '')))]
    expect(pages.length).toBeGreaterThan(15)
    const problems: string[] = []
    const urls = new Set<string>()
    for (const page of pages) {
      const { status, text } = await get(local(page, origin())!)
      if (status !== 200) problems.push(`${page}: HTTP ${status}`)
      const checked = checkPage(text, page)
      problems.push(...(outside(page, 'home page') ? [outside(page, 'home page')!] : []), ...checked.problems)
      for (const url of checked.urls) urls.add(url)
    }
    problems.push(...(await unanswered(urls, origin())))
    expect(problems).toEqual([])
  })

  it.each(['/feed.xml', '/atom.xml', '/feed.json', '/categories/engineering/feed.xml'])(
    'has only URLs under the site URL in %s',
    async (feed) => {
      const { status, text } = await get(origin() + BASE + feed)
      expect(status).toBe(200)
      const urls = (text.match(/https?:\/\/[^\s"'<>)\\&]+/g) ?? []).filter((url) => url.startsWith(PUBLIC_ORIGIN))
      expect(urls.length).toBeGreaterThan(5)
      expect(strayAbsolute(text, feed)).toEqual([])
      expect(await unanswered(urls, origin())).toEqual([])
    },
  )

  it('lists every page under the site URL in the sitemap, and robots.txt names it', async () => {
    const sitemap = await get(`${origin()}${BASE}/sitemap.xml`)
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(locs.length).toBeGreaterThan(20)
    expect(locs.filter((loc) => loc !== PUBLIC_URL && !loc.startsWith(`${PUBLIC_URL}/`))).toEqual([])
    expect(await unanswered(locs, origin())).toEqual([])
    const robots = await get(`${origin()}${BASE}/robots.txt`)
    expect(robots.text).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`)
  })

  it('gives canonical URLs and social cards under the site URL', async () => {
    for (const [page, canonical] of [
      [BASE, PUBLIC_URL],
      [POST, PUBLIC_URL + POST.slice(BASE.length)],
    ]) {
      const { text } = await get(origin() + page)
      expect(meta(text, /<link rel="canonical" href="([^"]+)"/), page).toBe(canonical)
      expect(meta(text, /<meta property="og:url" content="([^"]+)"/), page).toBe(canonical)
      const image = meta(text, /<meta property="og:image" content="([^"]+)"/)!
      expect(image.startsWith(`${PUBLIC_URL}/`), image).toBe(true)
      const card = await fetch(local(image, origin())!)
      expect([card.status, card.headers.get('content-type')]).toEqual([200, 'image/png'])
    }
  })

  it('sends an old URL (an alias) on to the post under /blog', async () => {
    const { status, text, headers } = await get(origin() + ALIAS.from)
    // next start answers 308; an export has a page that refreshes to the post.
    const target = status === 308 ? headers.get('location') : meta(text, /<meta http-equiv="refresh" content="0; url=([^"]+)"/)
    expect(target).toBe(ALIAS.to)
    expect(await unanswered([target!], origin())).toEqual([])
  })

  it('answers a missing page with the 404 page, its assets under /blog', async () => {
    const { status, text } = await get(`${origin()}${BASE}/this-page-does-not-exist`)
    expect(status).toBe(404)
    const checked = checkPage(text, '404 page')
    expect(checked.urls.some((url) => url.startsWith(`${BASE}/_next/`))).toBe(true)
    expect(checked.problems).toEqual([])
    expect(await unanswered(checked.urls, origin())).toEqual([])
  })

  it('serves the search bundle under /blog', async () => {
    for (const file of ['pagefind.js', 'pagefind-entry.json']) expect((await fetch(`${origin()}${BASE}/pagefind/${file}`)).status).toBe(200)
  })
})

describe('the comment API of a site under next start', () => {
  const origin = () => servers!.targets.find((t) => t.name === 'next start')!.origin

  it('is under /blog, and so are the forms and links that reach it', async () => {
    const api = await fetch(`${origin()}${BASE}/api/comments?post=formulas-without-images`)
    expect(api.status).toBe(200)
    const page = await get(`${origin()}${POST}/comments`)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`action="${BASE}/api/comments"`)
    expect((await get(`${origin()}${POST}`)).text).toContain(`href="${POST}/comments"`)
    expect((await fetch(`${origin()}${BASE}/admin`)).status).toBe(200)
  })
})

describe.each(['next start', 'static export on nginx'])('a site under /blog in a browser, on %s', (name) => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(() => browser?.close())

  it('loads a post with a formula and images, and finds it with search, without a failed request', async () => {
    const base = servers!.targets.find((t) => t.name === name)!.origin
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, POST)
    await visit(page, base, `${BASE}/posts/reading-on-screens`)
    expect(await page.locator('main img').count()).toBeGreaterThan(0)
    await visit(page, base, `${BASE}/search?q=formulas`)
    const hit = page.locator(`main .search-results a[href="${POST}"]`)
    await hit.waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
      const status = await page.locator('main .search-status').textContent()
      const links = await page.locator('main .search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))
      throw new Error(`${error.message}\nstatus: ${status}\nresults: ${links.join(', ')}\n${watch.problems.join('\n')}`)
    })
    await hit.click()
    await page.waitForURL(base + POST)
    await context.close()
    expect(watch.requests.some((url) => url.startsWith(`${base}${BASE}/pagefind/`))).toBe(true)
    expect(watch.requests.filter((url) => url.startsWith(base) && !url.startsWith(base + BASE))).toEqual([])
    expect(watch.problems).toEqual([])
  })
})
