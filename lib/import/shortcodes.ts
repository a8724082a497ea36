import type { RootContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { toString } from 'mdast-util-to-string'

import { convertMarkdown } from './markdown'
import { admonition, codeBlock, embed, link, paragraph, text, video } from './nodes'
import type { ConvertContext, Replacement } from './types'

// The shortcodes every source has in some form (Hugo {{< … >}}, Zola {{ …() }}, Liquid {% … %}),
// once their syntax is read: each becomes Inkwell components or Markdown. Unknown ones are kept
// as visible text, reported.

/** A shortcode's arguments: positional ones in order, named ones by name (lowercased). */
export interface Args {
  positional: string[]
  named: Record<string, string>
}

/** One use of a shortcode, read by a source's scanner. */
export interface Shortcode {
  name: string
  args: Args
  /** The text between the opening and closing tags of a paired shortcode. */
  inner?: string
  /** File line of the inner text's first line. */
  innerLine?: number
  /** Whether the inner text is Markdown (Hugo's {{% %}}, or a shortcode that renders it). */
  start: number
  end: number
  line: number
  original: string
}

const ARG = /\s*(?:([\w-]+)\s*[=:]\s*)?("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|\[[^\]]*\]|[^\s,)]+)\s*,?/gy

/** Reads `a "b c" key="value" n=3` (Hugo, Liquid) or `key="value", n=3` (Zola). */
export function parseArgs(source: string): Args {
  const args: Args = { positional: [], named: {} }
  ARG.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = ARG.exec(source)) && m[0]) {
    const raw = m[2]!
    const value = /^["'`]/.test(raw) ? raw.slice(1, -1).replace(/\\(["'\\])/g, '$1') : raw
    if (m[1]) args.named[m[1].toLowerCase()] = value
    else args.positional.push(value)
  }
  return args
}

/** An argument by name, else by position. */
export const arg = (args: Args, name: string, position?: number) =>
  args.named[name] ?? (position === undefined ? undefined : args.positional[position])

const truthy = (value: string | undefined) => value !== undefined && !/^(false|0|no)$/i.test(value)

/** Plain text of a caption that may hold Markdown. */
const plain = (value: string) => toString(fromMarkdown(value)).replace(/\s+/g, ' ').trim()

type Converter = (sc: Shortcode, ctx: ConvertContext) => Promise<RootContent[]> | RootContent[]

async function innerNodes(sc: Shortcode, ctx: ConvertContext): Promise<RootContent[]> {
  return sc.inner ? convertMarkdown(sc.inner.replace(/^\n/, ''), ctx, (sc.innerLine ?? sc.line) + (sc.inner.startsWith('\n') ? 1 : 0)) : []
}

/** LoveIt/DoIt `admonition type title open`, and the `note`/`alert`/`callout` of other themes. */
const admonitionShortcode: Converter = async (sc, ctx) => {
  // `admonition tip "Title"` names its type first; `note "Title"` is named after its type.
  const generic = ['admonition', 'callout', 'alert'].includes(sc.name)
  const type = generic ? (arg(sc.args, 'type', 0) ?? arg(sc.args, 'kind') ?? 'note') : (arg(sc.args, 'type') ?? sc.name)
  const title = (generic ? arg(sc.args, 'title', 1) : arg(sc.args, 'title', 0)) ?? arg(sc.args, 'header')
  const open = arg(sc.args, 'open', generic ? 2 : 1)
  const body = arg(sc.args, 'body')
  const children = body ? await convertMarkdown(body, ctx, sc.line) : await innerNodes(sc, ctx)
  return [admonition({ type, title, collapsible: open !== undefined && !truthy(open), open: false }, children, ctx, sc.line)]
}

/** Hugo's `figure` (and `image`/`figure` of other themes): a titled image, which Inkwell shows as a figure. */
const figure: Converter = (sc, ctx) => {
  const src = arg(sc.args, 'src', 0) ?? arg(sc.args, 'path') ?? ''
  const parts = [arg(sc.args, 'title'), arg(sc.args, 'caption', sc.name === 'figure' ? undefined : 2), arg(sc.args, 'attr')]
    .filter(Boolean)
    .map((p) => plain(p!))
  const alt = arg(sc.args, 'alt', 1) ?? ''
  if (!alt) ctx.note(sc.line, `figure "${src}" has no alt text: write one (alt="…" describes the image to readers who cannot see it)`)
  if (arg(sc.args, 'link') || arg(sc.args, 'attrlink'))
    ctx.note(sc.line, `figure link left out: an Inkwell figure is not a link (${arg(sc.args, 'link') ?? arg(sc.args, 'attrlink')})`)
  return [
    paragraph([
      {
        type: 'image',
        url: src,
        alt,
        title: parts.join(' — ') || null,
        position: { start: { line: sc.line, column: 1 }, end: { line: sc.line, column: 1 } },
      },
    ]),
  ]
}

const youtube: Converter = (sc, ctx) => [video('YouTube', arg(sc.args, 'id', 0) ?? '', arg(sc.args, 'title'), ctx, sc.line)]
const vimeo: Converter = (sc, ctx) => [video('Vimeo', arg(sc.args, 'id', 0) ?? '', arg(sc.args, 'title'), ctx, sc.line)]

/** A gist runs GitHub's script, which posts never do: a link to it instead. */
const gist: Converter = (sc, ctx) => {
  const url = arg(sc.args, 'url') ?? `https://gist.github.com/${arg(sc.args, 'user', 0) ?? ''}/${arg(sc.args, 'id', 1) ?? ''}`
  const file = arg(sc.args, 'file', 2)
  ctx.note(
    sc.line,
    `gist ${url} kept as a link: it is shown by GitHub's script, which posts do not run (paste the code into a code block to show it)`,
  )
  return [
    paragraph([
      link(file ? `${url}#file-${file.replace(/\./g, '-')}` : url, `Gist: ${file ?? url.replace(/^https:\/\/gist\.github\.com\//, '')}`),
    ]),
  ]
}

/** `highlight lang "linenos=table,hl_lines=8 15-17,linenostart=199"` as a fenced block with rehype-pretty-code's meta. */
const highlight: Converter = (sc, ctx) => {
  const lang = arg(sc.args, 'lang', 0)
  const options = [
    arg(sc.args, 'options', 1) ?? '',
    ...sc.args.positional.slice(2),
    ...Object.entries(sc.args.named).map(([k, v]) => `${k}=${v}`),
  ].join(',')
  const meta: string[] = []
  const lines = /hl_lines=\s*"?([\d\s-]+)"?/.exec(options)?.[1]?.trim()
  if (lines) meta.push(`{${lines.split(/\s+/).join(',')}}`)
  const start = /linenostart=(\d+)/.exec(options)?.[1]
  if (/linenos(?!=false)|mark_lines|lineno/.test(options))
    meta.push(start && start !== '1' ? `showLineNumbers{${start}}` : 'showLineNumbers')
  const rest = options
    .replace(/hl_lines=\s*"?[\d\s-]+"?|linenostart=\d+|linenos(=\w+)?|lang=\S+|options=/g, '')
    .replace(/[,\s]+/g, ' ')
    .trim()
  if (rest) ctx.note(sc.line, `highlight options "${rest}" left out: Inkwell highlights every code block the same way`)
  return [codeBlock(sc.inner ?? '', lang, meta.join(' '))]
}

/** Hugo's built-in `details` (and Zola themes'): a `<details>` the reader opens. */
const details: Converter = async (sc, ctx) => {
  const summary = arg(sc.args, 'summary', 0) ?? arg(sc.args, 'title') ?? 'Details'
  const el: RootContent = {
    type: 'mdxJsxFlowElement',
    name: 'details',
    attributes: truthy(arg(sc.args, 'open')) ? [{ type: 'mdxJsxAttribute', name: 'open', value: null }] : [],
    children: [
      { type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [text(plain(summary)) as never] },
      ...((await innerNodes(sc, ctx)) as never[]),
    ],
  }
  return [el]
}

/** A player given by its address (Zola's `streamable`, WordPress' `embed`). */
const embedShortcode: Converter = (sc, ctx) => [
  embed(arg(sc.args, 'url', 0) ?? arg(sc.args, 'src') ?? sc.inner?.trim() ?? '', arg(sc.args, 'title'), ctx, sc.line),
]

export const CONVERTERS: Record<string, Converter> = {
  admonition: admonitionShortcode,
  note: admonitionShortcode,
  tip: admonitionShortcode,
  warning: admonitionShortcode,
  alert: admonitionShortcode,
  callout: admonitionShortcode,
  figure,
  image: figure,
  youtube,
  vimeo,
  gist,
  highlight,
  details,
  embed: embedShortcode,
  streamable: embedShortcode,
}

/** The replacement for a shortcode: converted, or kept as visible text and reported. */
export async function replace(sc: Shortcode, ctx: ConvertContext, extra: Record<string, Converter> = {}): Promise<Replacement> {
  const convert = extra[sc.name] ?? CONVERTERS[sc.name]
  if (!convert) {
    ctx.note(sc.line, `unknown shortcode "${sc.name}" kept as text (it has no Inkwell equivalent; rewrite or remove it)`)
    const shown: RootContent = sc.original.includes('\n') ? text(sc.original) : { type: 'inlineCode', value: sc.original }
    return { start: sc.start, end: sc.end, nodes: [shown], block: false, original: sc.original }
  }
  const nodes = await convert(sc, ctx)
  const block = nodes.some((n) => n.type !== 'text' && n.type !== 'link' && n.type !== 'inlineCode')
  return { start: sc.start, end: sc.end, nodes, block, original: sc.original }
}
