// Formulas and embeds in the sample site, in a real browser, under next start and on nginx: an
// embed requests nothing from another origin until it is pressed, then plays in a frame the page's
// policy allows; math fits a phone and passes axe.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { framePolicy } from '@/lib/security-headers.mjs'
import { launchBrowser, openContext, visit } from './browser'
import { builtPages } from './env'

const targets = inject('targets')
const pages = builtPages()
// The sample posts (content/posts) with formulas and with embeds, and the origins those use.
const MATH_POST = '/posts/formulas-without-images'
const EMBED_POST = '/posts/my-static-days-talk'
const FRAMES = ['https://speakerdeck.com', 'https://www.youtube-nocookie.com']

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Answers every request to `origin` with a page of its own, standing in for the player (the machine is offline). */
async function stubPlayer(context: BrowserContext, origin: string, requests: string[]) {
  // Routes added later are asked first: this one comes before openContext's "other origin" guard.
  await context.route(
    (url) => url.origin === origin,
    (route) => {
      requests.push(route.request().url())
      return route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>player</title><p>stub player of ${origin}</p>` })
    },
  )
}

describe.each(targets)('$name', ({ url: base }) => {
  it('has the sample posts this file tests', () => {
    expect(pages).toContain(MATH_POST)
    expect(pages).toContain(EMBED_POST)
  })

  it('loads an embed from nowhere else until pressed, then plays it in a sandboxed frame', async () => {
    const { context, watch } = await openContext(browser, base)
    const players: string[] = []
    await stubPlayer(context, FRAMES[1]!, players)
    await stubPlayer(context, FRAMES[0]!, players)
    const page = await context.newPage()
    await visit(page, base, EMBED_POST)
    const play = page.getByRole('button', { name: 'Play video: Fast for ten years: Static Days 2026' })
    await play.waitFor()
    // Hydrated and idle: still nothing but this site.
    expect(watch.requests.filter((r) => !r.startsWith(base))).toEqual([])
    expect(players).toEqual([])
    expect(await page.locator('iframe').count()).toBe(0)

    await play.click()
    const frame = page.locator('iframe[title="Fast for ten years: Static Days 2026"]')
    await frame.waitFor()
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/k3Vb8Qm2XfE?autoplay=1')
    expect(await frame.getAttribute('sandbox')).toContain('allow-scripts')
    await expect.poll(() => frame.contentFrame().locator('p').textContent()).toBe(`stub player of ${FRAMES[1]}`)
    expect(await frame.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(players).toEqual(['https://www.youtube-nocookie.com/embed/k3Vb8Qm2XfE?autoplay=1'])

    await page.getByRole('button', { name: 'Load slides: Fast for ten years (slides)' }).click()
    await expect
      .poll(() => page.frameLocator('iframe[title="Fast for ten years (slides)"]').locator('p').textContent())
      .toBe(`stub player of ${FRAMES[0]}`)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('allows frames from exactly the embed origins in use, on every page', async () => {
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    for (const path of ['/', EMBED_POST, MATH_POST, '/archive']) {
      await visit(page, base, path)
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), path).toBe(framePolicy(FRAMES))
    }
    // A frame from any other origin is refused by the page's policy before a request is made.
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`))
          const frame = document.createElement('iframe')
          frame.src = 'https://player.example.net/video'
          document.body.append(frame)
        }),
    )
    // (A report names only the origin of a frame from another origin.)
    expect(violated).toBe('frame-src https://player.example.net')
    await context.close()
    expect(watch.problems.filter((p) => !p.includes('player.example.net'))).toEqual([])
  })

  it('is a plain link to the video without JavaScript', async () => {
    const { context, watch } = await openContext(browser, base, { javaScriptEnabled: false })
    const page = await context.newPage()
    await visit(page, base, EMBED_POST)
    const link = page.locator('.embed a')
    expect(await link.first().getAttribute('href')).toBe('https://www.youtube.com/watch?v=k3Vb8Qm2XfE')
    expect(await link.first().innerText()).toContain('Fast for ten years: Static Days 2026')
    expect(await page.locator('.embed button, iframe').count()).toBe(0)
    await context.close()
    // With JavaScript off, Chromium refuses to fetch the page's own scripts, and says "csp".
    expect(watch.problems.filter((p) => !/\/_next\/static\/.+\.js \(csp\)$/.test(p))).toEqual([])
  })

  it('typesets math with its own stylesheet and fonts, which other posts do not load', async () => {
    const { context, watch } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, MATH_POST)
    expect(await page.locator('link[rel="stylesheet"][href="/katex/katex.css"]').count()).toBe(1)
    // The MathML is for screen readers (visually clipped); the HTML rendering is what shows.
    expect(
      await page
        .locator('.katex-mathml')
        .first()
        .evaluate((el) => getComputedStyle(el).position),
    ).toBe('absolute')
    await page.evaluate(() => document.fonts.ready)
    expect(watch.requests.some((r) => r.startsWith(`${base}/katex/fonts/`) && r.endsWith('.woff2'))).toBe(true)
    await visit(page, base, EMBED_POST)
    expect(await page.locator('link[href^="/katex/"]').count()).toBe(0)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('scrolls a wide formula in its own box on a phone, never the page', async () => {
    const { context, watch } = await openContext(browser, base, { viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await visit(page, base, MATH_POST)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    const boxes = await page
      .locator('.math-display')
      .evaluateAll((els) => els.map((el) => ({ scroll: el.scrollWidth, width: el.clientWidth, right: el.getBoundingClientRect().right })))
    expect(boxes.length).toBeGreaterThanOrEqual(3)
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(390)
    // The binomial expansion is wider than a phone: its box scrolls.
    expect(boxes.some((box) => box.scroll > box.width)).toBe(true)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it.each(['light', 'dark'] as const)('has no axe violations on the math and embed posts on a phone, in %s mode', async (scheme) => {
    const { context } = await openContext(browser, base, { colorScheme: scheme, viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    const found: string[] = []
    for (const path of [MATH_POST, EMBED_POST]) {
      await visit(page, base, path)
      const { violations } = await new AxeBuilder({ page }).analyze()
      for (const v of violations)
        found.push(`${path}: ${v.id} (${v.impact}): ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
    await context.close()
    expect(found).toEqual([])
  })
})
