import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, onTestFinished } from 'vitest'
import { mdxComponents } from '@/components/mdx'
import { checkContent } from '@/lib/check'
import { formatProblem } from '@/lib/content'
import { compilePost } from '@/lib/content/mdx'
import { evaluatePost } from '@/lib/content/run'
import { load, post, rejection, SITE_YAML, tempSite } from './helpers'

// Post expressions run in a sandbox unless site.yaml says trustedCode: true (lib/content/sandbox.ts
// checks and rewrites them at compile time, sandbox-runtime.ts guards them as they run).

const HINT =
  '(a post expression may use what it declares, props, Math, JSON, Date, Intl, Number, String, Array and Object; trustedCode: true in content/site.yaml lifts this for a site that trusts every author)'
const BUILD_MACHINE = `it belongs to the build machine ${HINT}`
const LEADS = `it leads to code that can reach the build machine ${HINT}`

/** Renders a compiled post as its page does. */
const render = (code: string) => renderToStaticMarkup(createElement(evaluatePost(code, mdxComponents)))

/** The problems of a site made of one post `a.mdx` with `body`, plus a post `z.mdx` with an unrelated error. */
async function problemsOf(body: string): Promise<string[]> {
  const root = tempSite({ 'posts/a.mdx': post([], body), 'posts/z.mdx': post(['title: 5'], 'Fine.') })
  const found = await rejection(root)
  // Every other post's problems are still reported.
  expect(found).toContain('posts/z.mdx:2:8 title should be text (in quotes if it looks like a number or date), not number 5 (write title: "Velocity Berlin 2019, part 2")')
  return found.filter((line) => line.startsWith('posts/a.mdx') && !line.includes(' warning: '))
}

/** What `npm run check` reports for one post, trial render included. */
async function checked(files: Record<string, string>): Promise<string[]> {
  const root = tempSite(files)
  const env = { ...process.env, INKWELL_CONTENT_DIR: root, INKWELL_NOW: '2025-06-01T00:00:00Z', INKWELL_CACHE: '0' }
  const { problems } = await checkContent(env, { checkOnly: true })
  return problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, root))
}

describe('expressions that a post may use', () => {
  it('renders literals, operators, its own functions and the allowed globals', async () => {
    const root = tempSite({
      'posts/a.mdx': post(
        ['summary: S'],
        [
          'About {2 ** 10} words; {["a", "b"].join(" and ")}; {Math.max(1, 3)}; {new Date(Date.UTC(2025, 0, 1)).getUTCFullYear()};',
          '{JSON.stringify({ a: 1 })}; {Number.parseFloat("1.5") + 1}; {new Intl.NumberFormat("en").format(1234.5)};',
          '{(() => { let total = 0; for (const n of [1, 2, 3]) total += n; return total })()}; {Object.keys({ x: 1, y: 2 }).length};',
          '{(() => { const list = [3, 1, 2]; const k = 0; return [...list].sort()[k] })()}; {String(undefined)}.',
          '',
          '<Stats>{[185, 42].map((value) => <Stat key={value} value={value} label="things" />)}</Stats>',
        ].join('\n'),
      ),
    })
    const html = render((await load(root)).bySlug.get('a')!.code)
    expect(html).toContain('<p>About 1024 words; a and b; 3; 2025;\n{&quot;a&quot;:1}; 2.5; 1,234.5;\n6; 2;\n1; undefined.</p>')
    expect(html).toContain('<dl class="stats"><div class="stat"><dt class="stat-label">things</dt><dd class="stat-value">185</dd></div>')
  })

  it('keeps width={400} and height={300} on a component', async () => {
    const root = tempSite({ 'posts/a.mdx': post([], '<Figure src="https://example.org/a.png" alt="A" width={400} height={300} />') })
    expect(render((await load(root)).bySlug.get('a')!.code)).toContain('width="400" height="300"')
  })
})

describe('what the check refuses in an expression, at the character to fix', () => {
  const cases: [string, string, string][] = [
    ['process', 'Home: {process.env.HOME}', `6:8 "process" is not available in a post expression: ${BUILD_MACHINE}`],
    ['globalThis', '{globalThis.fetch}', `6:2 "globalThis" is not available in a post expression: ${BUILD_MACHINE}`],
    ['require', '{require("node:fs")}', `6:2 "require" is not available in a post expression: ${BUILD_MACHINE}`],
    ['eval', '{eval("1 + 1")}', `6:2 "eval" is not available in a post expression: ${BUILD_MACHINE}`],
    ['Function', '{Function("return 1")()}', `6:2 "Function" is not available in a post expression: ${BUILD_MACHINE}`],
    ['import()', '{import("node:fs")}', `6:2 import() is not available in a post: it would load code onto the build machine ${HINT}`],
    ['import.meta', '{import.meta.url}', `6:2 import.meta is not available in a post expression ${HINT}`],
    ['constructor', '{[].map.constructor("return 1")()}', `6:9 ".constructor" is not available in a post expression: ${LEADS}`],
    ['__proto__', '{({}).__proto__}', `6:7 ".__proto__" is not available in a post expression: ${LEADS}`],
    ['prototype', '{Array.prototype.map}', `6:8 ".prototype" is not available in a post expression: ${LEADS}`],
    ['literal key', '{[]["constructor"]}', `6:5 "["constructor"]" is not available in a post expression: ${LEADS}`],
    ['object key', '{ ({ __proto__: null }) }', `6:6 a property named "__proto__" is not available in a post expression ${HINT}`],
    ['destructured', '{(({ constructor: c }) => c)(1)}', `6:6 a property named "constructor" is not available in a post expression ${HINT}`],
    ['this', '{this}', `6:2 "this" is not available in a post expression ${HINT}`],
    ['arguments', '{(function () { return arguments })()}', `6:24 "arguments" is not available in a post expression: ${BUILD_MACHINE}`],
    ['compiled code', '{_components}', `6:2 "_components" is not available in a post expression ${HINT}`],
    ['shadowing', '{((process) => process)(1)}', '6:4 "process" cannot be declared in a post, because it names something of the build machine or of the page (choose another name)'],
    ['class', '{(class {})}', `6:3 classes are not available in a post expression (use plain objects and functions) ${HINT}`],
    ['async', '{(async () => 1)()}', `6:3 async functions are not available in a post expression (a post renders once, at build time) ${HINT}`],
    ['undeclared write', '{(() => { total = 1 })()}', '6:11 "total" is assigned but never declared (declare it first: let total = …)'],
    ['in JSX inside', '{[1].map(() => <b title={process.title}>x</b>)}', `6:26 "process" is not available in a post expression: ${BUILD_MACHINE}`],
    ['in an attribute', '<Figure src="https://example.org/a.png" alt="A" width={process.pid} height={1} />', `6:56 "process" is not available in a post expression: ${BUILD_MACHINE}`],
    ['in a spread', '<Figure {...process.env} />', `6:13 "process" is not available in a post expression: ${BUILD_MACHINE}`],
    [
      'export',
      'export const year = 2025\n\n{year}',
      '6:1 export is not available in posts: it runs as code on the build machine (compute the value inside the {…} where it is used; a site that trusts every author with its build machine can set trustedCode: true in content/site.yaml)',
    ],
    ['export default', 'export default () => null\n\nText.', '6:1 export default would replace the whole post with what it exports (remove it; the post is the text of the file)'],
  ]
  for (const [name, body, expected] of cases) {
    it(name, async () => {
      expect(await problemsOf(body)).toEqual([`posts/a.mdx:${expected}`])
    })
  }

  it('reports every refused thing in one post, each at its place', async () => {
    expect(await problemsOf('{process.pid}\n\n{this}\n\nText {globalThis}.')).toEqual([
      `posts/a.mdx:6:2 "process" is not available in a post expression: ${BUILD_MACHINE}`,
      `posts/a.mdx:8:2 "this" is not available in a post expression ${HINT}`,
      `posts/a.mdx:10:7 "globalThis" is not available in a post expression: ${BUILD_MACHINE}`,
    ])
  })
})

describe('what the sandbox stops while the check renders a post', () => {
  it('a key that is only known at run time, an element made to look like a script, a script: URL, a loop that never ends', async () => {
    const lines = await checked({
      'posts/key.mdx': post(['summary: S'], '{[]["constr" + "uctor"]}'),
      'posts/forged.mdx': post(['summary: S'], '{(() => { const e = <b>x</b>; return { ...e, type: "script", props: { children: "alert(1)" } } })()}'),
      'posts/url.mdx': post(['summary: S'], '<a href={"java" + "script:alert(1)"}>x</a>'),
      'posts/spread.mdx': post(['summary: S'], '<Admonition {...{ onClick: "alert(1)" }}>x</Admonition>'),
      'posts/loop.mdx': post(['summary: S'], 'Text {(() => { while (true) {} })()}.'),
      'posts/prototype.mdx': post(['summary: S'], '{Object.getPrototypeOf(Math)}'),
      'posts/fine.mdx': post(['summary: S'], '{1 + 1}'),
    })
    expect(lines).toEqual([
      'posts/forged.mdx:7:1 an expression made a <script> element, which posts may not contain (write the content as Markdown or one of the components)',
      'posts/key.mdx:7:1 the property "constructor" is not available in a post expression (it leads to code that can reach the build machine)',
      'posts/loop.mdx:7:6 this expression ran for more than 2 seconds and was stopped (look for a loop that never ends)',
      'posts/prototype.mdx:7:1 this expression threw "TypeError: Object.getPrototypeOf is not a function" (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
      expect.stringMatching(/^posts\/spread\.mdx:7:13 onClick is not allowed/),
      expect.stringMatching(/^posts\/url\.mdx:7:4 <a href="javascript:…"> is not allowed in a post/),
    ])
  }, 30_000)

  it('stops a post whose rendering never returns (a regular expression that backtracks) and still checks the others', async () => {
    const lines = await checked({
      'posts/regex.mdx': post(['summary: S'], 'Fine.\n\n{/^(a+)+$/.test("a".repeat(40) + "!")}'),
      'posts/other.mdx': post(['summary: S'], '{nothing.here}'),
    })
    expect(lines).toEqual([
      'posts/other.mdx:7:1 this expression threw "ReferenceError: nothing is not defined" (fix the JavaScript between { and }, or write \\{ to show a literal brace)',
      'posts/regex.mdx:9:1 rendering this post took more than 10 seconds and was stopped here (look for a loop that never ends, or a regular expression that backtracks)',
    ])
  }, 40_000)
})

describe('a sandbox escape runs nothing', () => {
  const marker = path.join(os.tmpdir(), `inkwell-escape-${process.pid}`)
  const write = `.getBuiltinModule("node:fs").writeFileSync(${JSON.stringify(marker)}, "escaped")`
  const fromProcess = (get: string) => `{${get}${write}}`
  const viaFunction = (F: string) => `{${F}("return process")()${write}}`
  const attempts = [
    fromProcess('process'),
    fromProcess('globalThis.process'),
    viaFunction('[].map.constructor'),
    viaFunction('[]["constr" + "uctor"]["constr" + "uctor"]'),
    viaFunction('(() => { const k = ["constr", "uctor"].join(""); return (() => 1)[k] })()'),
    viaFunction('Object.getOwnPropertyDescriptor(Object.getPrototypeOf(() => 1), "constructor").value'),
    viaFunction('Reflect.get(() => 1, "constructor")'),
    viaFunction('Function'),
    viaFunction('props.components.Figure.constructor'),
    viaFunction('Math.max.bind.constructor'),
    viaFunction('(x => x)[`constructor`]'),
    viaFunction('Object.values(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(() => 1)))[0].value'),
    viaFunction('((o) => o.constructor)(() => 1)'),
    viaFunction('(({ constructor: c }) => c)(() => 1)'),
    viaFunction('(() => { const o = {}; o.toString = () => "constructor"; return (() => 1)[o] })()'),
    viaFunction('(() => { let n = 0; const o = { toString: () => (n++ ? "constructor" : "x") }; return (() => 1)[o] })()'),
    viaFunction('Object.fromEntries(Object.entries(Object)).getPrototypeOf'),
    '{(function () { return this })().process' + write + '}',
    '{import("node:fs").then((fs) => fs.writeFileSync("' + marker + '", "escaped"))}',
    '{arguments[0].jsx.constructor("return process")()' + write + '}',
    '{_jsx.constructor("return process")()' + write + '}',
    '{`${"".constructor.constructor("return process")()' + write + '}`}',
    '<Figure src="https://example.org/a.png" alt="A" width={[].map.constructor("return process")()' + write + '} height={1} />',
    'export const x = process' + write + '\n\n{x}',
  ]

  it('in a sandboxed post, even one whose problems the check reported and that is rendered anyway', async () => {
    onTestFinished(() => fs.rmSync(marker, { force: true }))
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-sandbox-'))
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
    for (const body of attempts) {
      const compiled = await compilePost(body, { file: path.join(dir, 'a.mdx'), dir, assetBase: '/posts/a', publicDir: path.join(dir, 'public') })
      let refused = compiled.problems.some((p) => p.severity === 'error')
      try {
        render(compiled.code)
      } catch {
        refused = true
      }
      expect(refused, body).toBe(true)
      expect(fs.existsSync(marker), body).toBe(false)
    }
  })

  it('while the same attempt does run when the site trusts its authors (so the test above can fail)', async () => {
    onTestFinished(() => fs.rmSync(marker, { force: true }))
    const root = tempSite({ 'posts/a.mdx': post([], fromProcess('process')) }, `${SITE_YAML}trustedCode: true\n`)
    render((await load(root)).bySlug.get('a')!.code)
    expect(fs.readFileSync(marker, 'utf8')).toBe('escaped')
  })

  it('trustedCode: true allows exports again, but never export default', async () => {
    const trusted = `${SITE_YAML}trustedCode: true\n`
    const root = tempSite({ 'posts/a.mdx': post([], 'export const year = 2025\n\nWritten in {year}.') }, trusted)
    expect(render((await load(root)).bySlug.get('a')!.code)).toBe('<p>Written in 2025.</p>')
    const bad = tempSite({ 'posts/a.mdx': post([], 'export default () => null\n\nText.') }, trusted)
    expect(await rejection(bad)).toEqual(['posts/a.mdx:6:1 export default would replace the whole post with what it exports (remove it; the post is the text of the file)'])
  })
})

describe('headings are posts too', () => {
  it('checks an expression and an element inside a heading like any other', async () => {
    expect(await problemsOf('## Hi {globalThis.process} <span onClick={() => 1}>x</span>\n\nText.')).toEqual([
      `posts/a.mdx:6:8 "globalThis" is not available in a post expression: ${BUILD_MACHINE}`,
      "posts/a.mdx:6:34 onClick is not allowed on <span>: event handlers run script in every reader's browser (remove it; a site that trusts every author can set trustedHtml: true in content/site.yaml)",
    ])
  })
})
