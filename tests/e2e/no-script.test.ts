// No post content runs script on any page of the built sample site, under next start and on
// nginx. The sample post /posts/letting-guests-write writes about <script> in its title, its
// summary, its text, an expression and a code block: all of it must reach the reader as text.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openContext, visit, visitEach } from './browser'
import { builtPages } from './env'

const targets = inject('targets')
const pages = builtPages()
const GUEST_POST = '/posts/letting-guests-write'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Everything on the loaded page that could run script without being Next's own or the theme's. */
function scriptSurface(): string[] {
  // Next's own inline scripts: the RSC payload (self.__next_f), and the chunk list Turbopack writes.
  // Defined in here: this function runs in the page, where the module's constants do not exist.
  const NEXT_INLINE =
    /^(\(?self\.__next_[fs]|\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\(\{"otherChunks")/
  const found: string[] = []
  const dialogs = (window as unknown as { __dialogs?: string[] }).__dialogs ?? []
  for (const message of dialogs) found.push(`a dialog opened: ${message}`)
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`)
      if (
        /^(href|src|action|formaction|xlink:href|srcdoc|data)$/i.test(attr.name) &&
        /^\s*(javascript|vbscript|data:text)/i.test(attr.value)
      ) {
        found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 40)}">`)
      }
    }
    // The comment form is the page's own (components/comments), not post content.
    const commentForm =
      el.localName === 'form' && el.closest('#comments') && new URL((el as HTMLFormElement).action).pathname === '/api/comments'
    if (
      !commentForm &&
      ['iframe', 'frame', 'object', 'embed', 'base', 'form', 'meta'].includes(el.localName) &&
      !(el.localName === 'meta' && !el.hasAttribute('http-equiv')) &&
      // The page's own frame policy (app/layout.tsx): a Content-Security-Policy can only take away.
      !(
        el.localName === 'meta' &&
        el.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy' &&
        el.parentElement === document.head
      )
    ) {
      found.push(`<${el.localName}>`)
    }
  }
  for (const script of document.scripts) {
    const src = script.getAttribute('src')
    const text = script.text.trim()
    if (src) {
      if (!new URL(src, location.href).pathname.startsWith('/_next/static/')) found.push(`<script src="${src}">`)
    } else if (script.type === 'application/ld+json') {
      try {
        JSON.parse(text)
      } catch {
        found.push('structured data that is not JSON')
      }
    } else if (!NEXT_INLINE.test(text) && !text.startsWith('(() => {\n  const root = document.documentElement')) {
      found.push(`inline script: ${text.slice(0, 60)}`)
    }
  }
  return found.map((f) => `${location.pathname}: ${f}`)
}

describe.each(targets)('$name', ({ url: base }) => {
  it(`runs no script from post content on any of the ${pages.length} pages`, async () => {
    const { context, watch } = await openContext(browser, base)
    // A dialog is what an injected script would most likely open: count any, however opened.
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __dialogs: string[] }
      w.__dialogs = []
      for (const name of ['alert', 'confirm', 'prompt', 'print'])
        w[name] = (message?: unknown) => void w.__dialogs.push(`${name}(${String(message)})`)
    })
    const dialogs: string[] = []
    context.on('page', (page) =>
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      }),
    )
    const found = await visitEach(context, base, pages, (page) => page.evaluate(scriptSurface))
    await context.close()
    expect(found.flat()).toEqual([])
    expect(dialogs).toEqual([])
    expect(watch.problems).toEqual([])
  })

  it('shows a post that writes about <script> as text, everywhere it appears', async () => {
    const { context } = await openContext(browser, base)
    const page = await context.newPage()
    await visit(page, base, GUEST_POST)
    expect(await page.locator('h1').first().innerText()).toBe("Letting guests write: what a post can't do, like run <script>")
    const article = await page.locator('article').first().innerText()
    expect(article).toContain('A string from an expression is text as well: <script>alert("from an expression")</script>.')
    expect(article).toContain('say <img src=x onerror=alert(1)>;')
    expect(await page.locator('article script, article img[src="x"]').count()).toBe(0)
    // In the head: the description and the structured data carry the summary's </script> as text.
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toContain('why </script> in a title is just text')
    const ld = await page.locator('script[type="application/ld+json"]').allTextContents()
    expect(ld.some((text) => (JSON.parse(text) as { headline?: string }).headline?.endsWith('like run <script>'))).toBe(true)
    await context.close()
  })
})
