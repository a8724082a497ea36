import path from 'node:path'
import { fromHtml } from 'hast-util-from-html'
import { describe, expect, it } from 'vitest'
import { inspectContent } from '@/lib/content/load'
import { attributeAllowed, checkElement, checkHast, isAllowedTag, isSafeUrl, type PolicyProblem } from '@/lib/content/html-policy'
import { NOW, SITE_YAML, load, post, rejection, tempSite } from './helpers'

// Every message ends with the same way out; the tests still compare whole lines.
const TRUST = 'a site that trusts every author can set trustedHtml: true in content/site.yaml'
const JS_HREF = (tag: string, attr = 'href') =>
  `<${tag} ${attr}="javascript:…"> is not allowed in a post: javascript: URLs run script in the reader's browser (use an https:// address or a path on this site; ${TRUST})`

describe('isSafeUrl', () => {
  it('allows web addresses, paths, anchors, mail and phone links', () => {
    for (const url of ['https://example.org/a?b#c', 'http://example.org', '/posts/a', './chart.png', '#results', 'mailto:a@example.org', 'tel:+31201234567', '', 'javascript', 'my-javascript:x', 'java\u0000script:x']) {
      expect(isSafeUrl(url), url).toBe(true)
    }
  })

  it('refuses javascript: and vbscript: however they are spelled', () => {
    // '&#106;avascript:' arrives decoded: MDX and the HTML parser decode entities before we see the value.
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', '\u0001\u0000 javascript:alert(1) \n', 'java\tscript:alert(1)', 'java\nscr\ript:alert(1)', 'jAvAsCrIpT\t:x', 'vbscript:msgbox(1)', 'VBScript:x']) {
      expect(isSafeUrl(url), JSON.stringify(url)).toBe(false)
    }
  })

  it('refuses data: URLs, but raster images where an image is expected', () => {
    expect(isSafeUrl('data:text/html;base64,PHNjcmlwdD4=')).toBe(false)
    expect(isSafeUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(false)
    expect(isSafeUrl('data:image/png;base64,iVBORw0KGgo=', { image: true })).toBe(true)
    for (const type of ['gif', 'jpeg', 'webp', 'avif', 'PNG']) expect(isSafeUrl(`data:image/${type},x`, { image: true }), type).toBe(true)
    // An SVG is a document that can hold script, wherever it is used.
    expect(isSafeUrl('data:image/svg+xml,<svg onload="alert(1)"/>', { image: true })).toBe(false)
    expect(isSafeUrl(' DATA:image/svg+xml;base64,PHN2Zz4=', { image: true })).toBe(false)
    expect(isSafeUrl('data:text/html,<script>alert(1)</script>', { image: true })).toBe(false)
    expect(isSafeUrl('data:image/pngx,x', { image: true })).toBe(false)
  })
})

describe('isAllowedTag', () => {
  it('allows the elements of Markdown output, media and a safe SVG subset, by their exact names', () => {
    for (const tag of ['p', 'a', 'kbd', 'table', 'td', 'details', 'summary', 'img', 'picture', 'video', 'svg', 'path', 'linearGradient', 'use', 'h6']) {
      expect(isAllowedTag(tag), tag).toBe(true)
    }
  })

  it('refuses what can run script or load a document, and names not written exactly', () => {
    for (const tag of ['script', 'sCRIPT', 'style', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'form', 'input', 'button', 'template', 'foreignObject', 'animate', 'set', 'lineargradient', 'my-widget', 'svg:script', 'marquee']) {
      expect(isAllowedTag(tag), tag).toBe(false)
    }
  })
})

describe('attributeAllowed (what the sandbox asks about elements made by expressions)', () => {
  it('allows ordinary attributes and safe URLs', () => {
    expect(attributeAllowed('a', 'href', 'https://example.org')).toBeUndefined()
    expect(attributeAllowed('div', 'className', 'note')).toBeUndefined()
    expect(attributeAllowed('img', 'src', 'data:image/webp;base64,UklGR')).toBeUndefined()
    expect(attributeAllowed('img', 'width', 400)).toBeUndefined()
    expect(attributeAllowed('use', 'href', '#arrow')).toBeUndefined()
    expect(attributeAllowed('details', 'open', true)).toBeUndefined()
  })

  it('refuses event handlers, raw HTML and unsafe URLs, whatever the case of the name', () => {
    expect(attributeAllowed('div', 'onClick', () => {})).toBe(`onClick is not allowed on <div>: event handlers run script in every reader's browser (remove it; ${TRUST})`)
    expect(attributeAllowed('img', 'onerror', 'alert(1)')).toBe(`onerror is not allowed on <img>: event handlers run script in every reader's browser (remove it; ${TRUST})`)
    expect(attributeAllowed('div', 'dangerouslySetInnerHTML', { __html: '<b>' })).toBe(
      `dangerouslySetInnerHTML is not allowed on <div>: it puts HTML into the page unchecked, scripts included (write the content as Markdown between the tags; ${TRUST})`,
    )
    expect(attributeAllowed('a', 'HREF', 'javascript:alert(1)')).toBe(JS_HREF('a', 'HREF'))
    expect(attributeAllowed('svg', 'xlinkHref', 'javascript:alert(1)')).toBe(JS_HREF('svg', 'xlinkHref'))
    expect(attributeAllowed('button', 'formAction', '/x')).toBe(`formAction is not allowed on <button>: it sends form data to another address (remove it; ${TRUST})`)
    expect(attributeAllowed('div', 'is', 'my-widget')).toBe(`is="…" is not allowed on <div>: it makes a custom element, whose script a post cannot bring (remove it; ${TRUST})`)
  })

  it('refuses a URL that is not text: an object could say something else when React turns it into one', () => {
    expect(attributeAllowed('a', 'href', { toString: () => 'javascript:alert(1)' })).toBe(
      `<a href={…}> is not allowed in a post: a URL must be text, and this one is an object (give the address as a string; ${TRUST})`,
    )
  })

  it('checks every URL of a srcset and a ping list', () => {
    expect(attributeAllowed('img', 'srcSet', 'a.png 1x, b.png 2x')).toBeUndefined()
    expect(attributeAllowed('img', 'srcSet', 'data:image/png;base64,iVBO 1x,data:image/gif;base64,R0lG 2x')).toBeUndefined()
    expect(attributeAllowed('source', 'srcSet', 'a.png 1x, data:image/svg+xml,<svg/> 2x')).toBe(
      `<source srcSet="data:image/svg+xml…"> is not allowed in a post: an SVG is a document that can hold script (save it next to the post and write ./picture.svg; ${TRUST})`,
    )
    expect(attributeAllowed('a', 'ping', '/count javascript:alert(1)')).toBe(JS_HREF('a', 'ping'))
  })

  it('lets <use> point only into the same SVG', () => {
    expect(attributeAllowed('use', 'href', 'https://evil.example/sprite.svg#icon')).toBe(
      `<use href="https://evil.example/sprite.svg#icon"> is not allowed in a post: <use> may only point into the same SVG (write href="#id" for an element of this SVG; ${TRUST})`,
    )
  })
})

describe('checkElement', () => {
  const at = { line: 3, column: 7 }

  it('refuses an element once, whatever its attributes, with what to write instead', () => {
    expect(checkElement('iframe', [{ name: 'srcDoc', value: '<script>alert(1)</script>', place: at }])).toEqual([
      { message: `<iframe> is not allowed in a post: it would load another page, and its scripts, into this one (link to the page instead: [title](https://…); ${TRUST})` },
    ])
  })

  it('suggests the closest allowed element, or the Markdown to write, for elements not on the list', () => {
    expect(checkElement('tabel', [])).toEqual([{ message: `<tabel> is not an element a post may use (did you mean <table>? Or write it as Markdown; ${TRUST})` }])
    expect(checkElement('marquee', [])).toEqual([{ message: `<marquee> is not an element a post may use (write it as Markdown, or use an element such as <div> or <span>; ${TRUST})` }])
    expect(checkElement('center', [])).toEqual([{ message: `<center> is not an element a post may use (leave it out: the site's style lays out the post; ${TRUST})` }])
    expect(checkElement('my-widget', [])).toEqual([
      { message: `<my-widget> is not an element a post may use (custom elements need script, which a post cannot bring: write the content as Markdown; ${TRUST})` },
    ])
    expect(checkElement('sCRIPT', [])[0]!.message).toMatch(/^<sCRIPT> is not allowed in a post: it would run in every reader's browser/)
  })

  it('puts attribute problems at the attribute, and leaves dynamic URLs to the sandbox', () => {
    expect(checkElement('a', [{ name: 'href', value: 'javascript:x', place: at }, { name: 'title', value: 'T' }])).toEqual([{ message: JS_HREF('a'), place: at }])
    expect(checkElement('a', [{ name: 'href', dynamic: true, place: at }])).toEqual([])
    expect(checkElement('a', [{ name: 'onClick', dynamic: true }])).toEqual<PolicyProblem[]>([
      { message: `onClick is not allowed on <a>: event handlers run script in every reader's browser (remove it; ${TRUST})` },
    ])
  })

  it('refuses spreads on HTML elements only: a component decides what its props become', () => {
    expect(checkElement('a', [{ name: '...', spread: true, place: at }])).toEqual([
      { message: `{...spread} is not allowed on <a>: it could add any attribute, event handlers included (write each attribute out; ${TRUST})`, place: at },
    ])
    expect(checkElement('Admonition', [{ name: '...', spread: true }])).toEqual([])
  })

  it('allows data: raster images on <img>, <source> and <Figure>, not on <a>', () => {
    const png = [{ name: 'src', value: 'data:image/png;base64,iVBO' }]
    expect(checkElement('img', png)).toEqual([])
    expect(checkElement('Figure', png)).toEqual([])
    expect(checkElement('a', [{ name: 'href', value: 'data:image/png;base64,iVBO' }])[0]!.message).toBe(
      `<a href="data:image/png…"> is not allowed in a post: a data: URL can hold a whole HTML document, scripts included (use an https:// address or a path on this site; ${TRUST})`,
    )
  })
})

describe('checkHast (raw HTML of .md posts)', () => {
  it('reports every refused element and attribute at its element', () => {
    const tree = fromHtml(
      '<p>Hi <a href=" jav&#x09;ascript:alert(1)">there</a></p>\n<script>alert(1)</script>\n<img src="x.png" onerror="alert(1)">\n<svg><foreignObject></foreignObject><use xlink:href="data:image/svg+xml,x"></use></svg>\n<table><tr><td>ok</td></tr></table>',
      { fragment: true },
    )
    const problems: PolicyProblem[] = []
    checkHast(tree, (p) => problems.push(p))
    expect(problems.map((p) => `${p.place?.line}:${p.place?.column} ${p.message}`)).toEqual([
      `1:7 ${JS_HREF('a')}`,
      `2:1 <script> is not allowed in a post: it would run in every reader's browser (show code in a fenced code block; ${TRUST})`,
      `3:1 onerror is not allowed on <img>: event handlers run script in every reader's browser (remove it; ${TRUST})`,
      `4:6 <foreignObject> is not allowed in a post: it puts HTML inside an SVG, outside the elements a post may use (keep inline SVG to shapes and text, or show the drawing as an image: ![alt](./drawing.svg); ${TRUST})`,
      `4:37 <use xlink:href="data:image/svg+xml,x"> is not allowed in a post: <use> may only point into the same SVG (write xlink:href="#id" for an element of this SVG; ${TRUST})`,
    ])
  })
})

describe('posts that would put script into the page', () => {
  // Body lines start at line 6: the helper writes 3 frontmatter lines between two fences and a blank line.
  const cases: [string, string, string][] = [
    ['script', 'Read on.\n\n<script>alert(document.cookie)</script>', `posts/a.mdx:8:1 <script> is not allowed in a post: it would run in every reader's browser (show code in a fenced code block; ${TRUST})`],
    ['style', "<style>{'body { display: none }'}</style>", `posts/a.mdx:6:1 <style> is not allowed in a post: it would restyle the whole site, not only this post (use Markdown and the components, and leave the styling to the site; ${TRUST})`],
    ['iframe with srcDoc', '<iframe srcDoc="<script>alert(1)</script>" />', `posts/a.mdx:6:1 <iframe> is not allowed in a post: it would load another page, and its scripts, into this one (link to the page instead: [title](https://…); ${TRUST})`],
    ['object', '<object data="https://evil.example/movie.swf" />', `posts/a.mdx:6:1 <object> is not allowed in a post: it loads plugins and other documents, which can run script (link to the file instead, or show an image with ![alt](./picture.png); ${TRUST})`],
    ['embed', '<embed src="https://evil.example/movie.swf" />', `posts/a.mdx:6:1 <embed> is not allowed in a post: it loads plugins and other documents, which can run script (link to the file instead, or show an image with ![alt](./picture.png); ${TRUST})`],
    ['base', '<base href="https://evil.example/" />', `posts/a.mdx:6:1 <base> is not allowed in a post: it would change where every link and script on the page points (write full addresses, or paths starting with /; ${TRUST})`],
    ['meta refresh', '<meta http-equiv="refresh" content="0; url=https://evil.example/" />', `posts/a.mdx:6:1 <meta> is not allowed in a post: it can send readers to another site or change how the page is read (put the title, summary and dates in the frontmatter; ${TRUST})`],
    ['link', '<link rel="stylesheet" href="https://evil.example/site.css" />', `posts/a.mdx:6:1 <link> is not allowed in a post: it would load style sheets and other files into the whole page (write a Markdown link: [text](https://…); ${TRUST})`],
    ['form', '<form action="https://evil.example/steal">Your password.</form>', `posts/a.mdx:6:1 <form> is not allowed in a post: forms can ask readers for passwords and send them anywhere (link to a form on a site you trust; ${TRUST})`],
    ['onClick on a lowercase element', 'Please <span onClick="alert(1)">click</span>.', `posts/a.mdx:6:14 onClick is not allowed on <span>: event handlers run script in every reader's browser (remove it; ${TRUST})`],
    ['onClick on a component', '<Admonition type="tip" onClick={() => 1}>Hi.</Admonition>', `posts/a.mdx:6:24 onClick is not allowed on <Admonition>: event handlers run script in every reader's browser (remove it; ${TRUST})`],
    ['dangerouslySetInnerHTML', "<div dangerouslySetInnerHTML={{ __html: '<img src=x onerror=alert(1)>' }} />", `posts/a.mdx:6:6 dangerouslySetInnerHTML is not allowed on <div>: it puts HTML into the page unchecked, scripts included (write the content as Markdown between the tags; ${TRUST})`],
    ['javascript: href in JSX', 'Read <a href="javascript:alert(1)">the docs</a>.', `posts/a.mdx:6:9 ${JS_HREF('a')}`],
    ['javascript: href written with an entity', 'Read <a href="&#106;avascript:alert(1)">the docs</a>.', `posts/a.mdx:6:9 ${JS_HREF('a')}`],
    ['javascript: href as a string expression', 'Read <a href={"javascript:alert(1)"}>the docs</a>.', `posts/a.mdx:6:9 ${JS_HREF('a')}`],
    ['javascript: in a Markdown link', 'Read [the docs](JaVaScRiPt:alert(1)).', `posts/a.mdx:6:6 link "javascript:…" is not allowed in a post: javascript: URLs run script in the reader's browser (use an https:// address or a path on this site; ${TRUST})`],
    ['vbscript: in a reference definition', 'Read [the docs][d].\n\n[d]: vbscript:msgbox(1)', `posts/a.mdx:8:1 link "vbscript:…" is not allowed in a post: vbscript: URLs run script in older browsers (use an https:// address or a path on this site; ${TRUST})`],
    ['data:text/html link', 'Read [the docs](data:text/html;base64,PHNjcmlwdD4=).', `posts/a.mdx:6:6 link "data:text/html…" is not allowed in a post: a data: URL can hold a whole HTML document, scripts included (use an https:// address or a path on this site; ${TRUST})`],
    ['SVG data: image in <img>', `<img src="data:image/svg+xml,<svg onload='alert(1)'/>" alt="A" width="10" height="10" />`, `posts/a.mdx:6:6 <img src="data:image/svg+xml…"> is not allowed in a post: an SVG is a document that can hold script (save it next to the post and write ./picture.svg; ${TRUST})`],
    ['SVG data: Markdown image', '![A](data:image/svg+xml;base64,PHN2Zz4=)', `posts/a.mdx:6:1 image "data:image/svg+xml…" is not allowed in a post: an SVG is a document that can hold script (save it next to the post and write ./picture.svg; ${TRUST})`],
    ['SVG <animate>', '<svg viewBox="0 0 10 10">\n  <a href="https://example.org/">\n    <animate attributeName="href" to="javascript:alert(1)" />\n  </a>\n</svg>', `posts/a.mdx:8:5 <animate> is not allowed in a post: SVG animation can turn a link into javascript: after the page was checked (draw a static SVG, or show an animated one as an image: ![alt](./drawing.svg); ${TRUST})`],
    ['SVG <foreignObject>', '<svg viewBox="0 0 10 10">\n  <foreignObject width="10" height="10">\n    <p>Hi</p>\n  </foreignObject>\n</svg>', `posts/a.mdx:7:3 <foreignObject> is not allowed in a post: it puts HTML inside an SVG, outside the elements a post may use (keep inline SVG to shapes and text, or show the drawing as an image: ![alt](./drawing.svg); ${TRUST})`],
    ['a spread on <a>', '<a href="https://example.org" {...props}>Example</a>', `posts/a.mdx:6:31 {...spread} is not allowed on <a>: it could add any attribute, event handlers included (write each attribute out; ${TRUST})`],
  ]

  it.each(cases)('rejects %s at its place', async (_, body, line) => {
    expect(await rejection(tempSite({ 'posts/a.mdx': post([], body) }))).toEqual([line])
  })

  it("reports every problem of a post, and another post's problem in the same site", async () => {
    const root = tempSite({
      'posts/a.mdx': post([], '<script src="https://evil.example/x.js" />\n\n<p onMouseOver="alert(1)">Hover.</p>\n\n[Click](javascript:alert(1)) and <marquee>news</marquee>'),
      'posts/b.mdx': post([], '<iframe src="https://evil.example/" />'),
    })
    expect(await rejection(root)).toEqual([
      `posts/a.mdx:6:1 <script> is not allowed in a post: it would run in every reader's browser (show code in a fenced code block; ${TRUST})`,
      `posts/a.mdx:8:4 onMouseOver is not allowed on <p>: event handlers run script in every reader's browser (remove it; ${TRUST})`,
      `posts/a.mdx:10:1 link "javascript:…" is not allowed in a post: javascript: URLs run script in the reader's browser (use an https:// address or a path on this site; ${TRUST})`,
      `posts/a.mdx:10:34 <marquee> is not an element a post may use (write it as Markdown, or use an element such as <div> or <span>; ${TRUST})`,
      `posts/b.mdx:6:1 <iframe> is not allowed in a post: it would load another page, and its scripts, into this one (link to the page instead: [title](https://…); ${TRUST})`,
    ])
  })

  it('lets everything through when site.yaml says trustedHtml: true', async () => {
    // Less the Markdown data: image, which no site may use: it has no size (see the remote image rule).
    const body = cases.filter(([name]) => name !== 'SVG data: Markdown image').map(([, b]) => b).join('\n\n')
    const root = tempSite({ 'posts/a.mdx': post([], body) }, `${SITE_YAML}trustedHtml: true\n`)
    const content = await load(root)
    expect(content.bySlug.get('a')).toBeDefined()
  })
})

describe('posts that use only what the policy allows', () => {
  it('compiles the HTML a post needs with no problem', async () => {
    const body = [
      'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, read <abbr title="HyperText Markup Language">HTML</abbr>, x<sup>2</sup>, H<sub>2</sub>O, <mark>this</mark>, <del>old</del> <ins>new</ins>, <time dateTime="2025-01-01">today</time>, <q cite="https://example.org/q">quoted</q>.',
      'Links: <a href="https://example.org" rel="noopener" target="_blank">out</a>, <a href="mailto:a@example.org">mail</a>, <a href="#results">anchor</a>, <a href={`https://example.org/${1}`}>built</a>.',
      '<div className="note" id="section" data-kind="x" aria-label="A note" style={{ color: "teal" }}><span>Styled</span><br /><wbr /></div>',
      '<details open>\n<summary>More</summary>\n\nHidden **Markdown**.\n\n</details>',
      '<figure><img src="https://example.org/a.png" alt="A" width="40" height="30" /><figcaption>Caption</figcaption></figure>',
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="Dot" width="1" height="1" />',
      '<picture><source srcSet="https://example.org/a.avif 1x, https://example.org/a@2x.avif 2x" type="image/avif" /><img src="https://example.org/a.png" alt="B" width="40" height="30" /></picture>',
      '<video src="https://example.org/v.mp4" poster="https://example.org/v.jpg" controls width="640" height="360"><track src="https://example.org/v.vtt" kind="captions" /></video>',
      '<table><caption>T</caption><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
      '<dl><dt>Term</dt><dd>Definition</dd></dl>',
      '<svg viewBox="0 0 100 20" role="img" aria-labelledby="t"><title id="t">Bar</title><desc>A bar</desc><defs><linearGradient id="g"><stop offset="0" stopColor="teal" /></linearGradient><marker id="m"><path d="M0 0L5 5" /></marker></defs><g><rect width="50" height="10" fill="url(#g)" /><circle cx="5" cy="5" r="2" /><line x1="0" y1="0" x2="1" y2="1" markerEnd="url(#m)" /><use href="#m" /><text x="1" y="15"><tspan>label</tspan></text></g></svg>',
      '## Results',
      '<section><h3>Heading</h3><blockquote>Quote</blockquote><pre><code>code</code></pre><hr /></section>',
      '[Out](https://example.org), a [reference][ref] and ![a dot][dot].\n\n[ref]: https://example.org/r\n[dot]: data:image/gif;base64,R0lGODlhAQABAAAAACw=',
    ].join('\n\n')
    const root = tempSite({ 'posts/a.mdx': post([], body) })
    const { problems } = await inspectContent({ root, includeDrafts: false, now: NOW, checkOnly: true })
    expect(problems).toEqual([])
  })

  it('finds nothing to refuse in the sample posts', async () => {
    const { content, problems } = await inspectContent({ root: path.resolve('content'), includeDrafts: true, now: NOW, checkOnly: true })
    expect(content?.posts.length).toBeGreaterThan(5)
    expect(problems.filter((p) => / is not allowed (in a post|on <)| is not an element a post may use /.test(p.message))).toEqual([])
  })
})
