// Builds the fixture site in tests/fixtures/site with the real `npm run build` (check, then
// next build), serves it with `next start`, and reads the pages a reader would get.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const distDir = '.next-fixture'

function buildEnv(content: string, dist: string): NodeJS.ProcessEnv {
  // vitest sets NODE_ENV=test; next build must pick its own. The rest would change the site.
  const { NODE_ENV: _mode, SITE_URL: _url, INKWELL_DRAFTS: _drafts, ...rest } = process.env
  // Next types NODE_ENV as always set; here it is deliberately absent.
  return { ...rest, INKWELL_CONTENT_DIR: content, INKWELL_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe('npm run build on the fixture site', () => {
  const env = buildEnv('tests/fixtures/site/content', distDir)
  let server: ChildProcess | undefined
  let base = ''

  beforeAll(async () => {
    fs.rmSync(path.join(root, distDir), { recursive: true, force: true })
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`)
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    server = spawn(path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: 'ignore' })
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(base)
        return
      } catch {
        await new Promise((r) => setTimeout(r, 200))
      }
    }
    throw new Error('next start did not answer')
  })

  afterAll(() => {
    server?.kill()
    fs.rmSync(path.join(root, distDir), { recursive: true, force: true })
  })

  const page = async (pathname: string) => {
    const response = await fetch(base + pathname)
    const html = await response.text()
    return { status: response.status, html, doc: new JSDOM(html).window.document }
  }

  it('renders a post with its metadata, table of contents and components', async () => {
    const { status, doc } = await page('/posts/hello')
    expect(status).toBe(200)
    expect(doc.documentElement.lang).toBe('en-GB')
    expect(doc.querySelector('h1')?.textContent).toBe('Hello & welcome')
    expect(doc.title).toBe('Hello & welcome · Fixture Blog')
    expect(doc.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('https://fixture.example.org/posts/hello')
    const times = [...doc.querySelectorAll('article header time')].map((t) => t.getAttribute('datetime'))
    expect(times).toEqual(['2025-03-21T13:48:21.000Z', '2025-03-31T22:00:00.000Z'])
    // "Guides" and "guides " are one category, linked once.
    expect([...doc.querySelectorAll('article header a[href^="/categories/"]')].map((a) => a.getAttribute('href'))).toEqual(['/categories/guides'])
    expect([...doc.querySelectorAll('ul[aria-label=Tags] a')].map((a) => a.getAttribute('href'))).toEqual(['/tags/intro', '/tags/mdx'])

    const toc = [...doc.querySelectorAll('nav[aria-label="Table of contents"]')]
    expect(toc.length).toBeGreaterThan(0)
    expect([...toc[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#launch-day', '#details'])
    expect(doc.getElementById('launch-day')?.tagName).toBe('H2')
    expect(doc.querySelector('#launch-day a.heading-anchor')?.getAttribute('href')).toBe('#launch-day')

    const notes = [...doc.querySelectorAll('[role=note]')]
    expect(notes.map((n) => n.getAttribute('data-type'))).toEqual(['warning', 'tip', 'example'])
    expect(notes[0]!.textContent).toContain('Mind the gap')
    expect(notes[0]!.textContent).toContain('1024 computed')
    expect(notes[2]!.querySelector('details')?.hasAttribute('open')).toBe(true)

    const figures = [...doc.querySelectorAll('figure.figure')]
    expect(figures).toHaveLength(2)
    const img = figures[0]!.querySelector('img')!
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual(['/posts/hello/diagram.svg', '400', '200'])
    expect(figures[0]!.querySelector('figcaption')?.textContent).toBe('The diagram')
    const half = figures[1]!.querySelector('img')!
    expect([half.getAttribute('width'), half.getAttribute('height')]).toEqual(['200', '100'])

    const stats = doc.querySelector('dl.stats')!
    expect([...stats.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['submissions', 'talks'])
    expect([...stats.querySelectorAll('dd.stat-value')].map((d) => d.textContent)).toEqual(['185', '42'])

    expect(doc.querySelector('.table-scroll[role=region] table')).not.toBeNull()
    expect(doc.querySelector('section[data-footnotes] li')?.textContent).toContain('A footnote.')
    expect(doc.querySelector('pre[data-language=python] span[style*="--shiki-dark"]')).not.toBeNull()
  })

  it('shows series position, parts and the series page with its description', async () => {
    const { doc } = await page('/posts/second')
    const box = doc.querySelector('aside[aria-label=Series]')!
    expect(box.textContent).toContain('Part 2 of 2 of the series')
    expect(box.querySelector('[aria-current=page]')?.textContent).toBe('Second post')
    expect(box.querySelector('a[href="/series/getting-started"]')).not.toBeNull()
    // toc: false
    expect(doc.querySelector('nav[aria-label="Table of contents"]')).toBeNull()
    expect(doc.body.textContent).toContain('Grace Plain')

    const series = await page('/series/getting-started')
    expect(series.status).toBe(200)
    expect(series.doc.querySelector('h1')?.textContent).toBe('Getting Started')
    expect(series.doc.body.textContent).toContain('Two posts that get you going.')
    expect([...series.doc.querySelectorAll('ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/hello', '/posts/second'])
  })

  it('serves co-located images', async () => {
    const response = await fetch(`${base}/posts/hello/diagram.svg`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/svg+xml')
    expect(await response.text()).toContain('<svg')
  })

  it('paginates the home page newest first and leaves drafts and future posts out', async () => {
    const home = await page('/')
    expect([...home.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/second', '/posts/hello'])
    expect(home.doc.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/page/2')
    const two = await page('/page/2')
    expect([...two.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/third'])
    expect((await page('/posts/secret-draft')).status).toBe(404)
    expect((await page('/posts/from-the-future')).status).toBe(404)
    expect((await page('/categories/secret')).status).toBe(404)
    expect((await page('/tags/future-only')).status).toBe(404)
    const notFound = await page('/no/such/page')
    expect(notFound.status).toBe(404)
    expect(notFound.doc.querySelector('h1')?.textContent).toBe('This page does not exist')
    expect(fs.readdirSync(path.join(root, distDir, 'server/app/posts')).filter((f) => f.endsWith('.html')).sort()).toEqual([
      'hello.html',
      'second.html',
      'third.html',
    ])
  })

  it('lists categories and tags with counts, and their posts', async () => {
    const categories = await page('/categories')
    expect([...categories.doc.querySelectorAll('main li a')].map((a) => a.textContent)).toEqual(['Guides2 posts', 'Notes1 post'])
    const guides = await page('/categories/guides')
    expect([...guides.doc.querySelectorAll('main ol h2 a')].map((a) => a.getAttribute('href'))).toEqual(['/posts/second', '/posts/hello'])
    const tags = await page('/tags')
    expect([...tags.doc.querySelectorAll('main li a')].map((a) => a.getAttribute('href'))).toEqual(['/tags/intro', '/tags/mdx', '/tags/misc'])
  })

  it('groups the archive by year in the site time zone', async () => {
    const { doc } = await page('/archive')
    const years = [...doc.querySelectorAll('main section')].map((s) => [
      s.querySelector('h2')?.textContent,
      [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    ])
    // third.mdx is 2024-12-31T23:30Z: already 2025 in Amsterdam.
    expect(years).toEqual([['2025', ['/posts/second', '/posts/hello', '/posts/third']]])
  })

  it('renders the about page from MDX with the shared components', async () => {
    const { status, doc } = await page('/about')
    expect(status).toBe(200)
    expect(doc.querySelector('h1')?.textContent).toBe('About')
    expect(doc.querySelector('[role=note]')).not.toBeNull()
    expect(doc.querySelector('dl.stats')).not.toBeNull()
  })
})

describe('npm run build on broken content', () => {
  it('fails with one line per problem, no stack trace, and writes no site', () => {
    const dist = '.next-broken'
    fs.rmSync(path.join(root, dist), { recursive: true, force: true })
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env: buildEnv('tests/fixtures/broken/content', dist), encoding: 'utf8' })
    expect(build.status).not.toBe(0)
    const lines = build.stderr.split('\n').filter((l) => l.startsWith('tests/fixtures/'))
    const dir = 'tests/fixtures/broken/content/posts'
    expect(lines).toEqual([
      `${dir}/bad-component.mdx:8:1 unknown component <Callout> (available: <Admonition>, <Figure>, <Stats>, <Stat>)`,
      `${dir}/bad-expression.mdx:8:15 this expression threw "ReferenceError: notDefined is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)`,
      `${dir}/bad-frontmatter.mdx:1:1 date is missing (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)`,
      `${dir}/bad-frontmatter.mdx:4:1 warning: unknown frontmatter field "catgories" (did you mean "categories"?)`,
      `${dir}/bad-image.mdx:6:1 image "./nothing.png" not found (check the path; it is relative to the post file)`,
      `${dir}/bad-syntax.mdx:6:1 Expected a closing tag for \`<Admonition>\` (close every tag, in the order the tags were opened)`,
    ])
    expect(build.stderr).toContain('✗ 5 errors, 1 warning')
    expect(build.stderr).not.toMatch(/^\s+at /m)
    expect(fs.existsSync(path.join(root, dist))).toBe(false)
  })
})
