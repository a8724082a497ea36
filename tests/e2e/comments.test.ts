// Comments in a real browser, against next start (the static export has no comment server: its
// post pages must show no comment section and nothing broken, unless comments.endpoint names one). One story, in order: a reader posts
// with JavaScript and one without, the author approves in /admin, a reply nests, the author
// replies, comments close; then the refusals: cross-site posts, no session, brute force, 429.
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, openContext, visit } from './browser'
import { ADMIN_PASSWORD } from './env'

const targets = inject('targets')
const server = targets.find((t) => t.name === 'next start')!.url
const exported = targets.find((t) => t.name !== 'next start')!.url
const POST = '/posts/letting-guests-write'
const SLUG = 'letting-guests-write'

// Every field gets a payload; each must reach the page as text.
const XSS = {
  name: 'Eve <img src=x onerror=alert(1)><script>alert("name")</script>',
  website: 'javascript:alert(1)',
  comment: 'Hi <script>alert("body")</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) and **bold**',
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A page that records every dialog an injected script might open. */
async function watchedPage(options: Parameters<typeof openContext>[2] = {}) {
  const { context, watch } = await openContext(browser, server, options)
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return { context, watch, page, dialogs }
}

/** Fills a comment form (the first one on the page, or `within`), waits out the minimum time, sends it. */
async function fillAndSend(page: Page, fields: { name: string; website?: string; comment: string }, within = page.locator('form').last()) {
  await within.getByLabel('Name').fill(fields.name)
  if (fields.website) await within.getByLabel('Website (optional)').fill(fields.website)
  await within.getByLabel('Comment').fill(fields.comment)
  await page.waitForTimeout(3_200)
  await within.getByRole('button', { name: 'Post comment' }).click()
}

async function logIn(page: Page) {
  await visit(page, server, '/admin')
  if (!(await page.getByLabel('Password').count())) return
  await page.getByLabel('Password').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('heading', { name: 'Comments', level: 1 }).waitFor()
}

/** A fresh form token, as the island gets it. */
async function token(): Promise<string> {
  return ((await (await fetch(`${server}/api/comments?post=${SLUG}`)).json()) as { token: string }).token
}

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server}/api/comments`, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: { origin: server, accept: 'application/json', ...headers },
    redirect: 'manual',
  })
}

describe('comments', () => {
  it('takes a comment with JavaScript, without a reload, and shows it awaiting moderation', async () => {
    const { context, watch, page, dialogs } = await watchedPage()
    await visit(page, server, POST)
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))
    const section = page.locator('#comments')
    await section.getByRole('heading', { name: 'Leave a comment' }).waitFor()
    await fillAndSend(page, { name: 'Ada', website: 'ada.example', comment: 'First, with *JavaScript*.' })
    await section.getByText('Thank you! Your comment is awaiting moderation.').waitFor()
    const mine = section.getByRole('article', { name: 'Comment by Ada' })
    await expect.poll(() => mine.innerText()).toContain('Awaiting moderation')
    expect(await mine.locator('em').innerText()).toBe('JavaScript')
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
    // The hostile one: refused for its website, then sent without it.
    await fillAndSend(page, XSS)
    await section
      .getByRole('alert')
      .getByText(/http:\/\/ or https:\/\//)
      .waitFor()
    await section.locator('form').last().getByLabel('Website (optional)').fill('')
    await page.waitForTimeout(3_200)
    await section.locator('form').last().getByRole('button', { name: 'Post comment' }).click()
    await section.getByText('Thank you! Your comment is awaiting moderation.').waitFor()
    await context.close()
    expect(dialogs).toEqual([])
    // The refused website answered 400, on purpose.
    expect(watch.problems.filter((p) => !/\b400\b/.test(p))).toEqual([])
  })

  it('takes a comment without JavaScript: a plain form post and a redirect back', async () => {
    const { context, page } = await watchedPage({ javaScriptEnabled: false })
    await visit(page, server, POST)
    await page.getByRole('link', { name: 'Read the comments and write one' }).click()
    await page.waitForURL(`${server}${POST}/comments`)
    await fillAndSend(page, { name: 'Noscript Nell', comment: 'Second, with no JavaScript at all.' })
    await page.waitForURL(/\/comments\?comment=pending&receipt=/)
    expect(new URL(page.url()).hash).toMatch(/^#comment-\d+$/)
    await page.getByText('Thank you! Your comment is awaiting moderation.').waitFor()
    expect(await page.getByRole('article', { name: 'Comment by Noscript Nell' }).innerText()).toContain('Awaiting moderation')
    await context.close()
  })

  it('lets the author approve in /admin, and then readers see the comments, payloads as text', async () => {
    const { context, page, dialogs } = await watchedPage()
    await logIn(page)
    const queue = page.getByRole('region', { name: /Waiting for moderation/ })
    for (const name of ['Ada', XSS.name, 'Noscript Nell']) {
      await queue.getByRole('button', { name: `Approve the comment by ${name}` }).click()
      // Done when the queue, re-rendered by the action, no longer holds it.
      await expect.poll(() => queue.getByRole('article', { name: `Comment by ${name}`, exact: true }).count()).toBe(0)
    }
    await visit(page, server, POST)
    const section = page.locator('#comments')
    await section.getByRole('article', { name: `Comment by ${XSS.name}` }).waitFor()
    const hostile = section.getByRole('article', { name: `Comment by ${XSS.name}` })
    expect(await hostile.locator('header').innerText()).toContain(XSS.name)
    expect(await hostile.innerText()).toContain('Hi')
    expect(await hostile.locator('strong').innerText()).toBe('bold')
    expect(await section.locator('script, img, [onerror], a[href^="javascript"]').count()).toBe(0)
    expect(await hostile.locator('a', { hasText: 'click' }).getAttribute('href')).toBeNull()
    const ada = section.getByRole('article', { name: 'Comment by Ada' })
    expect(await ada.getByRole('link', { name: 'Ada' }).getAttribute('rel')).toBe('nofollow ugc')
    expect(await ada.getByRole('link', { name: 'Ada' }).getAttribute('href')).toBe('https://ada.example/')
    expect(await ada.innerText()).not.toContain('Awaiting moderation')
    const permalink = ada.locator('a[href^="#comment-"]')
    expect(await permalink.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/)
    // Readers without JavaScript read them on the comments page.
    const html = await (await fetch(`${server}${POST}/comments`)).text()
    expect(html).toContain('Second, with no JavaScript at all.')
    expect(html).not.toMatch(/<script>alert|<img src="?x/)
    await context.close()
    expect(dialogs).toEqual([])
  })

  it('nests replies three levels deep, trusts a known commenter and badges the author', async () => {
    const { context, page } = await watchedPage()
    await visit(page, server, POST)
    const section = page.locator('#comments')
    const ada = section.getByRole('article', { name: 'Comment by Ada' })
    await ada.getByRole('button', { name: 'Reply' }).click()
    // Ada, approved once with this website, is trusted: her reply is published at once.
    await fillAndSend(page, { name: 'Ada', website: 'https://ada.example/', comment: 'Replying to myself.' }, ada.locator('form'))
    await section.getByText('Thank you! Your comment is published.').waitFor()
    await context.close()

    const admin = await watchedPage()
    await logIn(admin.page)
    await admin.page.getByRole('link', { name: /Letting guests write/ }).click()
    const replyForm = admin.page.locator('details', { hasText: 'Reply to Ada' }).last()
    await replyForm.locator('summary').click()
    await replyForm.getByLabel('Your reply').fill('The author, three levels down.')
    await replyForm.getByRole('button', { name: 'Publish as the author' }).click()
    // Done when the admin's list, re-rendered by the action, shows the reply.
    await admin.page.getByText('The author, three levels down.').waitFor()
    await admin.context.close()

    const reader = await watchedPage()
    await visit(reader.page, server, POST)
    const author = reader.page.locator('#comments li li li article')
    await author.waitFor()
    expect(await author.innerText()).toContain('The author, three levels down.')
    expect(await author.getByText('Author', { exact: true }).count()).toBe(1)
    await reader.context.close()
  })

  it.each(['light', 'dark'] as const)('has no axe violations in %s mode, on the post, the comments page and /admin', async (scheme) => {
    const { context, page } = await watchedPage({ colorScheme: scheme })
    const found: string[] = []
    for (const path of [POST, `${POST}/comments`, '/admin']) {
      await visit(page, server, path)
      if (path === POST) await page.locator('#comments form').first().waitFor()
      const { violations } = await new AxeBuilder({ page }).analyze()
      for (const v of violations) found.push(`${path}: ${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
    await logIn(page)
    const { violations } = await new AxeBuilder({ page }).analyze()
    for (const v of violations) found.push(`/admin (logged in): ${v.id}: ${v.help}`)
    await context.close()
    expect(found).toEqual([])
  })

  it('publishes the comment feeds', async () => {
    const site = await fetch(`${server}/comments.xml`)
    expect(site.headers.get('content-type')).toMatch(/application\/rss\+xml/)
    const xml = await site.text()
    expect(xml).toContain('<rss')
    expect(xml).toContain('Ada on Letting guests write')
    // The body went through the sanitizer; the name is CDATA text in the title.
    const descriptions = [...xml.matchAll(/<description><!\[CDATA\[([\s\S]*?)\]\]><\/description>/g)].map((m) => m[1]).join('\n')
    expect(descriptions).toContain('<strong>bold</strong>')
    expect(descriptions).not.toMatch(/<script|<img|onerror|javascript:/)
    expect(await (await fetch(`${server}${POST}/comments.xml`)).text()).toContain('Replying to myself.')
    expect((await fetch(`${server}/posts/no-such-post/comments.xml`)).status).toBe(404)
  })

  it('refuses a cross-site post, and stores nothing', async () => {
    const response = await post(
      { post: SLUG, name: 'Mallory', comment: 'cross-site', token: await token() },
      { origin: 'https://evil.example' },
    )
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: string }).error).toBe('Comments can only be sent from this site.')
  })

  it('answers a client that posts too often with 429 and a readable message', async () => {
    const t = await token()
    await new Promise((resolve) => setTimeout(resolve, 3_200))
    const client = { 'x-forwarded-for': '198.51.100.23' }
    const statuses: number[] = []
    let message = ''
    for (let i = 0; i < 6; i++) {
      const response = await post({ post: SLUG, name: 'Busy Bee', comment: `number ${i}`, token: t }, client)
      statuses.push(response.status)
      message = ((await response.json()) as { error?: string }).error ?? ''
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    expect(message).toMatch(/^You have sent 5 comments in a short time\. Please wait \d+ minutes? and try again\.$/)
  })

  it('refuses admin changes without a session, and from another site with one', async () => {
    expect(await (await fetch(`${server}/admin`)).text()).not.toContain('Waiting for moderation')
    const { context, page } = await watchedPage()
    await logIn(page)
    // The Delete button's server action as the page's HTML has it (the form a browser without
    // JavaScript would send), replayed without the cookie: nothing is deleted.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    const html = await (await fetch(`${server}/admin`, { headers: { cookie } })).text()
    const formHtml = html.match(/<form(?:(?!<\/form>)[\s\S])*?aria-label="Delete the comment by Busy Bee"/)?.[0]
    expect(formHtml).toBeTruthy()
    const body = new FormData()
    for (const [, name, value] of formHtml!
      .slice(formHtml!.lastIndexOf('<form'))
      .matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
      body.append(name!, value ?? '')
    expect([...body.keys()].some((key) => key.startsWith('$ACTION_ID_'))).toBe(true)
    const pending = () =>
      page
        .getByRole('region', { name: /Waiting for moderation/ })
        .getByRole('article', { name: 'Comment by Busy Bee' })
        .count()
    const before = await pending()
    const anonymous = await fetch(`${server}/admin`, { method: 'POST', body, headers: { origin: server }, redirect: 'manual' })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toMatch(/\/admin\?login=required$/)
    const crossSite = await fetch(`${server}/admin`, {
      method: 'POST',
      body,
      headers: { origin: 'https://evil.example', cookie },
      redirect: 'manual',
    })
    expect(crossSite.status).toBeGreaterThanOrEqual(400)
    await page.reload()
    expect(await pending()).toBe(before)
    await context.close()
  })

  it('slows failed logins, then locks the login even for the right password', async () => {
    // Without JavaScript each try is one form post and one page load: easy to time.
    const { context, page } = await watchedPage({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': '203.0.113.99' } })
    await visit(page, server, '/admin')
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Password').fill(`wrong ${i}`)
      const started = Date.now()
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Log in' }).click()])
      times.push(Date.now() - started)
      await page.getByRole('alert').getByText('That password is not right.').waitFor()
    }
    expect(times[1]).toBeGreaterThanOrEqual(800)
    expect(times[4]).toBeGreaterThanOrEqual(5_000)
    await page.getByLabel('Password').fill(ADMIN_PASSWORD)
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Log in' }).click()])
    await page
      .getByRole('alert')
      .getByText(/^Too many failed logins\. Try again in \d+ minutes?\.$/)
      .waitFor()
    expect(await page.getByRole('heading', { name: 'Log in' }).count()).toBe(1)
    await context.close()
  }, 60_000)

  it('closes comments on a post from /admin: no form, and the API refuses', async () => {
    const { context, page } = await watchedPage()
    await logIn(page)
    await page.getByRole('link', { name: /Letting guests write/ }).click()
    await page.getByRole('button', { name: 'Close comments' }).click()
    await page.getByText('Comments are closed.').waitFor()
    await visit(page, server, POST)
    await page.locator('#comments').getByText('Comments are closed.').waitFor()
    expect(await page.locator('#comments form').count()).toBe(0)
    expect(await page.locator('#comments').getByRole('article').count()).toBeGreaterThan(0)
    const refused = await post({ post: SLUG, name: 'Late', comment: 'too late', token: 'x' })
    expect(refused.status).toBe(403)
    // Open again, for the other suites.
    await logIn(page)
    await page.getByRole('link', { name: /Letting guests write/ }).click()
    await page.getByRole('button', { name: 'Open comments' }).click()
    await page.getByText('Comments are open.').waitFor()
    await context.close()
  })

  it('leaves comments out of the static export without a comments.endpoint, with nothing broken', async () => {
    const { context, watch } = await openContext(browser, exported)
    const page = await context.newPage()
    await visit(page, exported, POST)
    expect(await page.locator('#comments').count()).toBe(0)
    expect(watch.requests.filter((url) => url.includes('/api/'))).toEqual([])
    expect((await fetch(`${exported}/admin`)).status).toBe(404)
    await context.close()
    expect(watch.problems).toEqual([])
  })

  it('takes a comment on a static export through comments.endpoint, across origins, and refuses other origins', async () => {
    const { site, server: endpoint } = inject('endpointExport')
    const { context, watch } = await openContext(browser, site, { allow: [endpoint] })
    const page = await context.newPage()
    await visit(page, site, POST)
    const section = page.locator('#comments')
    await section.getByRole('heading', { name: 'Leave a comment' }).waitFor()
    await fillAndSend(page, { name: 'Static Stella', comment: 'Sent from the exported page to the endpoint.' })
    await section.getByText('Thank you! Your comment is awaiting moderation.').waitFor()
    expect(watch.requests.some((url) => url.startsWith(`${endpoint}/api/comments`))).toBe(true)
    // Without JavaScript, the link goes to the endpoint's comments page.
    const noscript = await section.locator('noscript').innerHTML()
    expect(noscript).toContain(`href="${endpoint}${POST}/comments"`)
    await context.close()
    expect(watch.problems).toEqual([])
    // The endpoint lets only the site's origin read its answers or post to it.
    const other = 'https://elsewhere.example'
    const read = await fetch(`${endpoint}/api/comments?post=${SLUG}`, { headers: { origin: other } })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
    const allowed = await fetch(`${endpoint}/api/comments?post=${SLUG}`, { headers: { origin: site } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(site)
    const sent = await fetch(`${endpoint}/api/comments`, {
      method: 'POST',
      body: new URLSearchParams({ post: SLUG, name: 'Mallory', comment: 'from elsewhere', token: 'x' }),
      headers: { origin: other, accept: 'application/json' },
    })
    expect(sent.status).toBe(403)
  })
})
