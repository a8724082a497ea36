// The sample site in a real browser, served by next start and as a static export on nginx.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { contentSecurityPolicy, securityHeaders, svgPolicy } from '@/lib/security-headers.mjs'
import { launchBrowser, MISSING_PAGE, openContext, visit, visitEach } from './browser'
import { builtPages } from './env'

const targets = inject('targets')
const pages = builtPages()
const posts = pages.filter((p) => /^\/posts\/[^/]+$/.test(p))

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The first post whose served HTML contains `marker`. */
async function postWith(base: string, marker: string): Promise<string> {
  for (const post of posts) {
    if ((await (await fetch(base + post)).text()).includes(marker)) return post
  }
  throw new Error(`no post in the sample site has ${marker}`)
}

const h1 = (page: Page) => page.locator('h1').first().innerText()

describe.each(targets)('$name', ({ url: base }) => {
  it('sends the security headers', async () => {
    const page = await fetch(base + '/')
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    for (const { key, value } of securityHeaders) expect(page.headers.get(key), key).toBe(value)
    const missing = await fetch(base + MISSING_PAGE)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    const svg = pages.length && (await fetch(base + '/icon.svg'))
    if (svg && svg.ok) expect(svg.headers.get('content-security-policy')).toBe(svgPolicy)
    // Hashed assets are cached for a year; pages and the search entry point are not.
    const script = (await page.text()).match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1]
    expect(script).toBeTruthy()
    expect((await fetch(base + script)).headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/)
    expect((await fetch(base + '/pagefind/pagefind.js')).headers.get('cache-control')).not.toMatch(/immutable/)
  })

  it('loads every page without console errors or failed requests', async () => {
    const { context, watch } = await openContext(browser, base)
    const statuses = await visitEach(context, base, pages, async (_, path, response) => `${path} ${response?.status()}`)
    expect(statuses).toEqual(pages.map((path) => `${path} 200`))
    const page = await context.newPage()
    const missing = await visit(page, base, MISSING_PAGE)
    expect(missing?.status()).toBe(404)
    expect(await h1(page)).toMatch(/does not exist/)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('fits a phone screen: no post scrolls sideways, however long its code lines', async () => {
    const { context, watch } = await openContext(browser, base, { viewport: { width: 390, height: 844 } })
    const widths = await visitEach(context, base, posts, async (page, post) => ({
      post,
      width: await page.evaluate(() => document.documentElement.scrollWidth),
    }))
    await context.close()
    expect(widths.filter(({ width }) => width > 390)).toEqual([])
    expect(watch.problems).toEqual([])
  })

  it('navigates home → post → category → series → archive by clicking', async () => {
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, '/')

    const first = page.locator('main ol article h2 a').first()
    const title = await first.innerText()
    await first.click()
    await page.waitForURL(/\/posts\//)
    expect(await h1(page)).toBe(title)

    const category = page.locator('article header a[href^="/categories/"]').first()
    const categoryName = await category.innerText()
    await category.click()
    await page.waitForURL(/\/categories\//)
    expect((await h1(page)).toLowerCase()).toBe(categoryName.toLowerCase())
    await expect.poll(() => page.locator('main').getByRole('link', { name: title }).count()).toBeGreaterThan(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Series' }).click()
    await page.waitForURL(/\/series$/)
    const series = page.locator('main a[href^="/series/"]').first()
    await series.click()
    await page.waitForURL(/\/series\/[^/]+$/)
    const part = page.locator('main ol h2 a').first()
    const partTitle = (await part.innerText()).replace(/^Part \d+:\s*/, '')
    // By keyboard: the link starts with a visually hidden "Part N:", which leaves the middle of
    // its box (where a pointer click lands) on the heading around it.
    await part.focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/posts\//)
    expect(await h1(page)).toBe(partTitle)
    await page.getByRole('complementary', { name: 'Series' }).waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click()
    await page.waitForURL(/\/archive$/)
    expect(await h1(page)).toBe('Archive')
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('keeps the chosen theme across pages, and paints it from the first frame', async () => {
    const { context, watch } = await openContext(browser, base, { colorScheme: 'light' })
    // Records the theme at the moment <body> first exists: before any of it can be painted.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return
        ;(window as unknown as { firstPaintDark: boolean }).firstPaintDark = document.documentElement.classList.contains('dark')
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    const page = await context.newPage()
    const firstPaintDark = () => page.evaluate(() => (window as unknown as { firstPaintDark: boolean }).firstPaintDark)
    const toggle = page.getByRole('button', { name: 'Dark theme' })

    await visit(page, base, posts[0]!)
    expect(await firstPaintDark()).toBe(false)
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true)
    const darkBackground = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)

    await visit(page, base, '/archive')
    expect(await firstPaintDark()).toBe(true)
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(darkBackground)

    // A stored choice beats the system setting; without one, the system setting is followed.
    await page.emulateMedia({ colorScheme: 'dark' })
    await toggle.click()
    await page.reload({ waitUntil: 'networkidle' })
    expect(await firstPaintDark()).toBe(false)
    await page.evaluate(() => localStorage.removeItem('theme'))
    await page.reload({ waitUntil: 'networkidle' })
    expect(await firstPaintDark()).toBe(true)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('copies a code block with its copy button', async () => {
    const { context, watch } = await openContext(browser, base, { permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await visit(page, base, await postWith(base, 'code-copy'))
    const block = page.locator('figure.code-block').first()
    // Found by class: its name changes to "Copied" once it has copied.
    const button = block.locator('button.code-copy')
    expect(await button.getAttribute('aria-label')).toBe('Copy code')
    // The clipboard takes writes only from a focused document, as a reader's is when they click.
    await page.bringToFront()
    await button.click()
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Copied')
    const code = await block.locator('pre').evaluate((pre) => pre.textContent!.replace(/\n$/, ''))
    expect(code.length).toBeGreaterThan(0)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('scrolls to a heading from the table of contents and marks the section being read', async () => {
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, await postWith(base, 'data-toc'))
    const sidebar = page.getByRole('navigation', { name: 'Table of contents' })
    const links = sidebar.locator('a')
    expect(await links.count()).toBeGreaterThanOrEqual(2)
    const link = links.nth(1)
    const id = (await link.getAttribute('href'))!.slice(1)
    await link.click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${id}`)
    await expect
      .poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), id))
      .toBeLessThan(60)
    await expect.poll(() => link.getAttribute('aria-current')).toBe('location')

    // On a phone the same links are folded above the post.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.evaluate(() => window.scrollTo(0, 0))
    expect(await sidebar.isVisible()).toBe(false)
    await page.locator('details summary', { hasText: 'On this page' }).click()
    const inline = page.locator('details nav[data-toc] a').first()
    const first = (await inline.getAttribute('href'))!.slice(1)
    await inline.click()
    await expect
      .poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), first))
      .toBeLessThan(60)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('finds a post by a word from its body, in the dialog and on /search, loading search only when opened', async () => {
    const post = await postWith(base, 'data-pagefind-body')
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, post)
    // A long word from the post's text (not its title) that search must find.
    const word = await page.locator('.prose p').evaluateAll((ps) => {
      const words =
        ps
          .map((p) => p.textContent ?? '')
          .join(' ')
          .match(/\b[a-z]{9,}\b/g) ?? []
      return words[Math.floor(words.length / 2)]
    })
    expect(word).toBeTruthy()
    expect(watch.requests.filter((r) => r.includes('/pagefind/'))).toEqual([])

    await page.keyboard.press('/')
    const dialog = page.getByRole('dialog', { name: 'Search' })
    await dialog.waitFor()
    await page.keyboard.type(word!)
    const hit = dialog.locator(`.search-results a[href="${post}"]`)
    await hit.waitFor()
    // Only the published posts are in the index (drafts have no page to index at all).
    const entry = (await (await fetch(`${base}/pagefind/pagefind-entry.json`)).json()) as {
      languages: Record<string, { page_count: number }>
    }
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(posts.length)
    expect((await hit.locator('mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain(word)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)

    // Reopened at once, with the focus in the search field again.
    await page.keyboard.press('Control+k')
    await dialog.waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.press('Escape')

    await visit(page, base, `/search?q=${word}`)
    await page.locator(`main .search-results a[href="${post}"]`).waitFor()
    await context.close()
    expect(watch.problems).toEqual([])
  })

  // Every post: code, tables and admonitions differ from one post to the next.
  const AXE_PAGES = [
    '/',
    ...posts,
    pages.find((p) => p.startsWith('/categories/')),
    pages.find((p) => p.startsWith('/tags/')),
    pages.find((p) => p.startsWith('/series/')),
    pages.find((p) => p.startsWith('/authors/')),
    '/authors',
    '/feeds',
    '/archive',
    '/about',
    '/search',
    MISSING_PAGE,
  ]

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode', async (scheme) => {
    const { context } = await openContext(browser, base, { colorScheme: scheme })
    for (const path of AXE_PAGES) expect(path, 'the sample site needs posts, categories, tags and a series').toBeTruthy()
    // Two tabs: axe's own work is CPU, and the machine has two cores.
    const found = await visitEach(
      context,
      base,
      AXE_PAGES as string[],
      async (page, path) => {
        const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
        const { violations } = await new AxeBuilder({ page }).analyze()
        return [
          ...(dark === (scheme === 'dark') ? [] : [`${path}: the page is not in ${scheme} mode`]),
          ...violations.map(
            (v) =>
              `${path}: ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 5)
                .join('\n    ')}`,
          ),
        ]
      },
      2,
    )
    await context.close()
    expect(found.flat()).toEqual([])
  })
})
