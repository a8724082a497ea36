import type { Element, Nodes as HastNodes } from 'hast'
import { closest } from './suggest'

// The one allow-list of elements and attributes a post may put into a page. Posts come from guest
// authors and importers, so nothing in one may run script in a reader's browser. The compiler
// checks every element a post writes (mdx.ts), the expression sandbox checks every element an
// expression makes while rendering (sandbox-runtime.ts), and `.md` raw HTML goes through checkHastElement (remark/rehype-raw-html.ts).
// site.yaml `trustedHtml: true` skips all of it. No Node imports: the sandbox calls this at render.

type Place = { line: number; column: number }

/** An attribute as written on an element. */
export interface PolicyAttribute {
  name: string
  /** Literal text, or true for a bare boolean attribute. */
  value?: string | true
  /** The value is a {expression}: known only when the page renders (the sandbox checks it then). */
  dynamic?: boolean
  /** `{...x}` */
  spread?: boolean
  place?: Place
}

/** One thing the policy refuses: `what is wrong (how to fix)`, at the attribute when known. */
export interface PolicyProblem {
  message: string
  place?: Place
}

const TRUST = 'a site that trusts every author can set trustedHtml: true in content/site.yaml'

// What Markdown itself produces, and the few elements beside it that a post may want.
const TEXT = ['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']
const BLOCK = ['blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'ul']
const TABLE = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']
const MEDIA = ['img', 'picture', 'source', 'video', 'audio', 'track']
// Inline SVG for diagrams: shapes, text, gradients and markers. Names are case-sensitive, as in SVG.
const SVG = ['svg', 'g', 'path', 'circle', 'rect', 'line', 'polyline', 'polygon', 'ellipse', 'text', 'tspan', 'defs', 'linearGradient', 'radialGradient', 'stop', 'title', 'desc', 'use', 'symbol', 'marker', 'clipPath']

// Matched exactly: React creates `<sCRIPT>` with document.createElement, which makes it a script.
const ALLOWED = new Set([...TEXT, ...BLOCK, ...TABLE, ...MEDIA, ...SVG])

const LINK_INSTEAD = 'link to the page instead: [title](https://…)'
const FORMS = { why: 'forms can ask readers for passwords and send them anywhere', fix: 'link to a form on a site you trust' }
const ANIMATION = { why: 'SVG animation can turn a link into javascript: after the page was checked', fix: 'draw a static SVG, or show an animated one as an image: ![alt](./drawing.svg)' }

/** Elements refused for what they do, with the reason and what to write instead. */
const REFUSED: Record<string, { why: string; fix: string }> = {
  script: { why: "it would run in every reader's browser", fix: 'show code in a fenced code block' },
  style: { why: 'it would restyle the whole site, not only this post', fix: 'use Markdown and the components, and leave the styling to the site' },
  iframe: { why: 'it would load another page, and its scripts, into this one', fix: LINK_INSTEAD },
  frame: { why: 'it would load another page, and its scripts, into this one', fix: LINK_INSTEAD },
  frameset: { why: 'it would load other pages, and their scripts, into this one', fix: LINK_INSTEAD },
  // A portal is a proposed iframe that can be navigated into.
  portal: { why: 'it would load another page, and its scripts, into this one', fix: LINK_INSTEAD },
  object: { why: 'it loads plugins and other documents, which can run script', fix: 'link to the file instead, or show an image with ![alt](./picture.png)' },
  embed: { why: 'it loads plugins and other documents, which can run script', fix: 'link to the file instead, or show an image with ![alt](./picture.png)' },
  applet: { why: 'it loads plugins and other documents, which can run script', fix: 'link to the file instead, or show an image with ![alt](./picture.png)' },
  base: { why: 'it would change where every link and script on the page points', fix: 'write full addresses, or paths starting with /' },
  // http-equiv="refresh" sends readers elsewhere; React 19 also hoists <meta> into the <head>.
  meta: { why: 'it can send readers to another site or change how the page is read', fix: 'put the title, summary and dates in the frontmatter' },
  link: { why: 'it would load style sheets and other files into the whole page', fix: 'write a Markdown link: [text](https://…)' },
  form: FORMS,
  input: FORMS,
  button: FORMS,
  textarea: FORMS,
  select: FORMS,
  option: FORMS,
  optgroup: FORMS,
  datalist: FORMS,
  fieldset: FORMS,
  label: FORMS,
  // Inert markup meant for script to bring to life, and web components' slots: both need script.
  template: { why: 'it holds markup that only script brings to life', fix: 'write the content directly' },
  slot: { why: 'it belongs to web components, whose script a post cannot bring', fix: 'write the content directly' },
  // Parsed differently with script on and off: a known way to slip markup past HTML filters.
  noscript: { why: 'browsers read its content differently with and without script', fix: 'write the content directly' },
  // HTML inside SVG, where none of the rules above would apply to it.
  foreignObject: { why: 'it puts HTML inside an SVG, outside the elements a post may use', fix: 'keep inline SVG to shapes and text, or show the drawing as an image: ![alt](./drawing.svg)' },
  animate: ANIMATION,
  set: ANIMATION,
  animateMotion: ANIMATION,
  animateTransform: ANIMATION,
}
const REFUSED_LOWER = new Map(Object.entries(REFUSED).map(([name, rule]) => [name.toLowerCase(), rule]))

/** What to write instead of elements that are not refused for danger, only not needed. */
const INSTEAD: Record<string, string> = {
  html: 'leave it out: a post is the content of a page, and its title goes in the frontmatter',
  head: 'leave it out: a post is the content of a page, and its title goes in the frontmatter',
  body: 'leave it out: a post is the content of a page, and its title goes in the frontmatter',
  main: 'leave it out: the page around the post has its own',
  font: "write **bold** or *emphasis*: the site's style sets fonts and colours",
  center: "leave it out: the site's style lays out the post",
  big: 'write **bold** or <strong>',
  tt: 'write `code` or <code>',
  strike: 'write ~~text~~ or <s>',
  image: 'write ![alt](./picture.png) or <img>',
  math: 'write $x^2$ or $$…$$, which becomes MathML',
}

/** True for HTML and SVG element names a post may use (exactly as written: `linearGradient`). */
export function isAllowedTag(name: string): boolean {
  return ALLOWED.has(name)
}

/** Components (`<Admonition>`, `<x.Y>`) are the registry's business; only their attributes are checked here. */
const isComponent = (name: string) => /^[A-Z]/.test(name) || name.includes('.')

function elementProblem(name: string): string | undefined {
  if (isComponent(name) || ALLOWED.has(name)) return undefined
  const refused = REFUSED_LOWER.get(name.toLowerCase())
  if (refused) return `<${name}> is not allowed in a post: ${refused.why} (${refused.fix}; ${TRUST})`
  const guess = closest(name, [...ALLOWED])
  const hint =
    INSTEAD[name.toLowerCase()] ??
    (name.includes('-') ? 'custom elements need script, which a post cannot bring: write the content as Markdown' : undefined) ??
    (guess ? `did you mean <${guess}>? Or write it as Markdown` : 'write it as Markdown, or use an element such as <div> or <span>')
  return `<${name}> is not an element a post may use (${hint}; ${TRUST})`
}

// URLs

// Attributes whose value the browser loads or navigates to (lowercased, without the `:` of xlink:href).
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'cite', 'action', 'xlinkhref', 'background', 'data', 'ping'])
// Where a data: image is an image and nothing else; <Figure> renders an <img>.
const IMAGE_TAGS = new Set(['img', 'source', 'Figure'])
// Raster images only: data:image/svg+xml is a document that can hold script (opened on its own,
// or as an <object>), and the site's SVG sandbox header does not reach data: URLs.
const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp|avif)[;,]/i
const IMAGE_FIX = 'put the image next to the post and write ./picture.png'
// A co-located SVG file is served with a header that sandboxes it (lib/security-headers.mjs).
const SVG_FIX = 'save it next to the post and write ./picture.svg'
const URL_FIX = 'use an https:// address or a path on this site'

/** The URL as the browser's URL parser reads its scheme: outer spaces and controls gone, tabs and newlines removed. */
const normalise = (url: string) =>
  url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')

/** Why a URL may not be used, with how it is shown in the message; undefined when it is safe. */
function unsafeUrl(url: string, image: boolean): { shown: string; why: string; svg?: boolean } | undefined {
  const clean = normalise(url)
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(clean)?.[1]?.toLowerCase()
  if (scheme === 'javascript') return { shown: 'javascript:…', why: "javascript: URLs run script in the reader's browser" }
  if (scheme === 'vbscript') return { shown: 'vbscript:…', why: 'vbscript: URLs run script in older browsers' }
  if (scheme !== 'data' || (image && DATA_IMAGE.test(clean))) return undefined
  const type = /^data:([^;,]*)/i.exec(clean)?.[1]?.trim().toLowerCase() ?? ''
  const shown = `data:${type}…`
  if (type === 'image/svg+xml') return { shown, why: 'an SVG is a document that can hold script', svg: true }
  return { shown, why: 'a data: URL can hold a whole HTML document, scripts included' }
}

const fixFor = (unsafe: { svg?: boolean }, image: boolean) => (!image ? URL_FIX : unsafe.svg ? SVG_FIX : IMAGE_FIX)

/** True when a URL can neither run script nor hold a document; `image` allows raster data: images. */
export function isSafeUrl(value: string, options: { image?: boolean } = {}): boolean {
  return !unsafeUrl(value, options.image ?? false)
}

/** The URLs in a srcset: each candidate's URL runs to the first space; a trailing comma ends it. */
function srcsetUrls(value: string): string[] {
  const urls: string[] = []
  let rest = value
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '')
    if (!rest) return urls
    const url = /^\S+/.exec(rest)![0]
    rest = rest.slice(url.length)
    if (url.endsWith(',')) urls.push(url.replace(/,+$/, ''))
    else {
      urls.push(url)
      // Descriptors ("2x", "640w") run to the next comma outside parentheses.
      let depth = 0
      let i = 0
      for (; i < rest.length && (rest[i] !== ',' || depth > 0); i++) depth += rest[i] === '(' ? 1 : rest[i] === ')' ? -1 : 0
      rest = rest.slice(i)
    }
  }
}

/** A Markdown link or image (`[t](url)`, `![a](url)`, `[r]: url`) whose URL is refused: the message. */
export function markdownUrlProblem(kind: 'link' | 'image', url: string): string | undefined {
  const unsafe = unsafeUrl(url, kind === 'image')
  return unsafe && `${kind} "${unsafe.shown}" is not allowed in a post: ${unsafe.why} (${fixFor(unsafe, kind === 'image')}; ${TRUST})`
}

// Attributes

/** The value of an attribute written as {expression}: known only at render time. */
const DYNAMIC = Symbol('dynamic')

const ATTRIBUTE_RULES: Record<string, { why: string; fix: string }> = {
  dangerouslysetinnerhtml: { why: 'it puts HTML into the page unchecked, scripts included', fix: 'write the content as Markdown between the tags' },
  srcdoc: { why: 'it holds a whole HTML document, scripts included', fix: LINK_INSTEAD },
  formaction: { why: 'it sends form data to another address', fix: 'remove it' },
  // Customized built-in elements: the element's behaviour comes from script the post cannot bring.
  is: { why: 'it makes a custom element, whose script a post cannot bring', fix: 'remove it' },
}

function attributeProblem(tag: string, name: string, value: unknown): string | undefined {
  const key = name.toLowerCase().replace(':', '')
  // Every event handler attribute is on…; no other HTML or SVG attribute starts so.
  if (key.startsWith('on')) return `${name} is not allowed on <${tag}>: event handlers run script in every reader's browser (remove it; ${TRUST})`
  const rule = ATTRIBUTE_RULES[key]
  if (rule) return `${key === 'is' ? 'is="…"' : name} is not allowed on <${tag}>: ${rule.why} (${rule.fix}; ${TRUST})`
  if (!URL_ATTRIBUTES.has(key) || value === DYNAMIC || value === null || value === undefined) return undefined
  if (typeof value === 'number' || typeof value === 'boolean') return undefined
  if (typeof value !== 'string') {
    const kind = typeof value === 'function' ? 'a function' : typeof value === 'object' ? 'an object' : `a ${typeof value}`
    return `<${tag} ${name}={…}> is not allowed in a post: a URL must be text, and this one is ${kind} (give the address as a string; ${TRUST})`
  }
  if (tag === 'use' && (key === 'href' || key === 'xlinkhref')) {
    const clean = normalise(value)
    if (clean.startsWith('#')) return undefined
    const shown = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean
    return `<use ${name}="${shown}"> is not allowed in a post: <use> may only point into the same SVG (write ${name}="#id" for an element of this SVG; ${TRUST})`
  }
  const image = IMAGE_TAGS.has(tag) && (key === 'src' || key === 'srcset')
  const urls = key === 'srcset' ? srcsetUrls(value) : key === 'ping' ? value.split(/\s+/) : [value]
  for (const url of urls) {
    const unsafe = unsafeUrl(url, image)
    if (unsafe) return `<${tag} ${name}="${unsafe.shown}"> is not allowed in a post: ${unsafe.why} (${fixFor(unsafe, image)}; ${TRUST})`
  }
  return undefined
}

/**
 * Whether a prop may be on an element an expression made (a React element's type and props):
 * the problem message, or undefined.
 */
export function attributeAllowed(tag: string, name: string, value: unknown): string | undefined {
  return attributeProblem(tag, name, value)
}

/** Every problem with one element as written: its tag (lowercase names), then its attributes. */
export function checkElement(name: string, attributes: PolicyAttribute[]): PolicyProblem[] {
  const refused = elementProblem(name)
  // The attributes go with the element: one message says what to do.
  if (refused) return [{ message: refused }]
  const problems: PolicyProblem[] = []
  for (const a of attributes) {
    const message = a.spread
      ? isComponent(name)
        ? undefined
        : `{...spread} is not allowed on <${name}>: it could add any attribute, event handlers included (write each attribute out; ${TRUST})`
      : attributeProblem(name, a.name, a.dynamic ? DYNAMIC : (a.value ?? true))
    if (message) problems.push(a.place ? { message, place: a.place } : { message })
  }
  return problems
}

/** Checks one element of a hast tree (raw HTML of a `.md` post, its children aside); problems are at the element. */
export function checkHastElement(element: Element, report: (problem: PolicyProblem) => void): void {
  // hast names properties (onError, srcSet, xLinkHref); messages name the attributes as HTML writes them.
  const attributes = Object.entries(element.properties).flatMap(([prop, value]): PolicyAttribute[] => {
    if (value === false || value === null || value === undefined) return []
    const name = prop === 'xLinkHref' ? 'xlink:href' : prop.toLowerCase()
    return [{ name, value: value === true ? true : Array.isArray(value) ? value.join(' ') : String(value) }]
  })
  const start = element.position?.start
  for (const problem of checkElement(element.tagName, attributes)) report(start ? { message: problem.message, place: { line: start.line, column: start.column } } : problem)
}

/** Checks every element of a hast tree; problems are at their element. */
export function checkHast(tree: HastNodes, report: (problem: PolicyProblem) => void): void {
  if (tree.type === 'element') checkHastElement(tree, report)
  if ('children' in tree) for (const child of tree.children) checkHast(child, report)
}
