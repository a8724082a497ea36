// Every built page as served: valid HTML (html-validate), and no broken link or image to
// anywhere on the site, under next start and on nginx.
import { HtmlValidate } from 'html-validate'
import { JSDOM } from 'jsdom'
import { describe, expect, inject, it } from 'vitest'

import { builtPages, SITE_URL } from './env'
import { htmlRules } from './html-rules'

const targets = inject('targets')
const pages = builtPages()
const validator = new HtmlValidate(htmlRules)

describe.each(targets)('$name', ({ url: base }) => {
  const fetched = new Map<string, Promise<{ status: number; html: string; type: string }>>()
  const get = (path: string) => {
    if (!fetched.has(path)) {
      fetched.set(
        path,
        fetch(base + path).then(async (r) => ({
          status: r.status,
          type: r.headers.get('content-type') ?? '',
          html: r.headers.get('content-type')?.includes('text/html') ? await r.text() : '',
        })),
      )
    }
    return fetched.get(path)!
  }

  it(`serves ${pages.length} pages, every one valid HTML`, async () => {
    expect(pages.length).toBeGreaterThan(10)
    const problems: string[] = []
    for (const path of [...pages, '/this-page-does-not-exist']) {
      const { html } = await get(path)
      const report = await validator.validateString(html, path)
      for (const m of report.results.flatMap((r) => r.messages))
        problems.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`)
    }
    expect(problems).toEqual([])
  })

  it('has no broken internal link or image on any page', async () => {
    const broken: string[] = []
    let checked = 0
    for (const path of pages) {
      const { html } = await get(path)
      const doc = new JSDOM(html, { url: base + path }).window.document
      const refs = [
        ...[...doc.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')!),
        ...[...doc.querySelectorAll('img[src], script[src], source[src]')].map((e) => e.getAttribute('src')!),
        ...[...doc.querySelectorAll('img[srcset], source[srcset]')].flatMap((e) =>
          e
            .getAttribute('srcset')!
            .split(',')
            .map((s) => s.trim().split(/\s+/)[0]!),
        ),
      ]
      for (const ref of refs) {
        const absolute = ref.startsWith(SITE_URL) ? base + ref.slice(SITE_URL.length) : new URL(ref, base + path).href
        const target = new URL(absolute)
        if (target.origin !== base) continue
        checked++
        const { status, html: targetHtml } = await get(target.pathname + target.search)
        if (status !== 200) broken.push(`${path}: ${ref} → HTTP ${status}`)
        else if (target.hash && targetHtml) {
          const id = decodeURIComponent(target.hash.slice(1))
          if (!new JSDOM(targetHtml).window.document.getElementById(id)) broken.push(`${path}: ${ref} → no element with id "${id}"`)
        }
      }
    }
    expect(checked).toBeGreaterThan(pages.length)
    expect(broken).toEqual([])
  })
})
