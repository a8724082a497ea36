import type { Code, Paragraph, PhrasingContent, RootContent } from 'mdast'

import { ADMONITION_TYPES, type AdmonitionType } from '../content/component-spec'
import { slideHost, VIDEO_PROVIDERS } from '../content/embeds'
import { jsx } from './jsx'
import type { ConvertContext } from './types'

// Inkwell components and Markdown made from what the sources' shortcodes and HTML meant.

/** Other names themes give admonition types (Material for MkDocs, DoIt, Docusaurus, GitHub). */
const TYPE_ALIASES: Record<string, AdmonitionType> = {
  summary: 'abstract',
  tldr: 'abstract',
  important: 'info',
  hint: 'tip',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  caution: 'warning',
  attention: 'warning',
  warn: 'warning',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  cite: 'quote',
}

/** The Inkwell admonition type for a theme's type name; undefined when there is none. */
export function admonitionType(name: string | undefined): AdmonitionType | undefined {
  const key = (name ?? 'note').trim().toLowerCase()
  return (ADMONITION_TYPES as readonly string[]).includes(key) ? (key as AdmonitionType) : TYPE_ALIASES[key]
}

/** `<Admonition>`; a type Inkwell lacks becomes a note, reported. */
export function admonition(
  options: { type?: string; title?: string; collapsible?: boolean; open?: boolean },
  children: RootContent[],
  ctx: ConvertContext,
  line: number,
): RootContent {
  let type = admonitionType(options.type)
  if (!type) {
    ctx.note(line, `admonition type "${options.type}" has no Inkwell equivalent: made a note (types: ${ADMONITION_TYPES.join(', ')})`)
    type = 'note'
  }
  const attributes = {
    type,
    title: options.title?.trim() || undefined,
    collapsible: options.collapsible ? (true as const) : undefined,
    open: options.collapsible && options.open ? (true as const) : undefined,
  }
  return jsx('Admonition', attributes, children)
}

export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children })
export const text = (value: string): PhrasingContent => ({ type: 'text', value })
export const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] })

/** A fenced code block; `meta` carries highlighted lines and line numbers (rehype-pretty-code's syntax). */
export const codeBlock = (value: string, lang?: string, meta?: string): Code => ({
  type: 'code',
  lang: lang || null,
  meta: meta || null,
  value: value.replace(/^\n+|\s+$/g, ''),
})

const YOUTUBE = /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/|v\/)|youtu\.be\/)([A-Za-z0-9_-]{11})/
const VIMEO = /vimeo\.com\/(?:video\/|channels\/[^/]+\/|.*\/)?(\d{1,12})(?:[/?#]|$)/

/** The video component and id of a player or page address, if it is YouTube or Vimeo. */
export function videoOf(url: string): { component: 'YouTube' | 'Vimeo'; id: string } | undefined {
  const youtube = YOUTUBE.exec(url)?.[1]
  if (youtube) return { component: 'YouTube', id: youtube }
  const vimeo = VIMEO.exec(url)?.[1]
  return vimeo ? { component: 'Vimeo', id: vimeo } : undefined
}

/** `<YouTube>` or `<Vimeo>` for an id; a malformed id is kept as a link, reported. */
export function video(
  component: 'YouTube' | 'Vimeo',
  id: string,
  title: string | undefined,
  ctx: ConvertContext,
  line: number,
): RootContent {
  const provider = VIDEO_PROVIDERS[component]
  const clean = id.trim()
  if (!provider.id.test(clean)) {
    ctx.note(line, `${component} id "${clean}" is not ${provider.idText}: kept as a link`)
    return paragraph([link(provider.page(clean), title || `${component} video`)])
  }
  return jsx(component, { id: clean, title: title?.trim() || `${component} video` })
}

/**
 * What an embedded player's address becomes: a video component, `<Embed>` for a slide host
 * Inkwell knows, or else a link to it (reported: Inkwell frames no other origin by default).
 */
export function embed(url: string, title: string | undefined, ctx: ConvertContext, line: number): RootContent {
  const found = videoOf(url)
  if (found) return video(found.component, found.id, title, ctx, line)
  const host = slideHost(url)
  if (host && URL.canParse(url) && host.path.test(new URL(url).pathname))
    return jsx('Embed', { src: url, title: title?.trim() || `Slides on ${host.name}` })
  const origin = URL.canParse(url) ? new URL(url).origin : url
  ctx.note(
    line,
    `embedded player from ${origin} kept as a link (Inkwell plays YouTube, Vimeo and slide hosts; add the origin to embeds in content/site.yaml and write <Embed src="…" title="…" /> to frame it)`,
  )
  return paragraph([link(url, title?.trim() || url)])
}
