import type { Heading, Parent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

import { APP_DIR, reservedSegments } from '../aliases'
import { pagePath } from '../routes'
import { resolveCover, resolveImages } from './assets'
import { htmlToNodes } from './html'
import { convertHtml, convertMarkdown, lineOf, takeMore } from './markdown'
import type { ImportReport } from './report'
import type { ConvertContext, ConvertedPost, Download, PostFields, SourcePost, SourceSite } from './types'

// One post from its source to Markdown nodes and Inkwell frontmatter.

/** Normalises a source reference (`posts/a.md`, `/posts/a/`, `a.md#x`) to the keys sources give posts. */
export const refKey = (ref: string) =>
  ref
    .trim()
    .replace(/^@?\//, '')
    .replace(/\/$/, '')
    .replace(/(^|\/)_?index\.(md|markdown|html)$/i, '')
    .replace(/\.(md|markdown|html|mdx)$/i, '')
    .toLowerCase()

/** Looks up the slug of the post a reference names: by its whole key, else by its last segment. */
export function refResolver(posts: SourcePost[]): (ref: string) => { slug: string; anchor?: string } | undefined {
  const keys = new Map<string, string>()
  for (const post of posts) for (const key of post.keys) if (!keys.has(key)) keys.set(key, post.slug)
  return (ref) => {
    const [target = '', anchor] = ref.split('#')
    if (!target) return undefined
    const key = refKey(target)
    const slug = keys.get(key) ?? keys.get(key.split('/').pop() ?? '')
    return slug ? { slug, anchor } : undefined
  }
}

export function makeContext(
  post: SourcePost,
  site: SourceSite,
  report: ImportReport,
  download: Download,
  resolveRef: ConvertContext['resolveRef'],
): ConvertContext {
  const said = new Set<string>()
  return {
    post,
    site,
    report,
    files: new Map(),
    download,
    resolveRef,
    note: (line, message) => report.add(post.file, line, message),
    noteOnce: (line, message) => {
      if (said.has(message)) return
      said.add(message)
      report.add(post.file, line, message)
    },
  }
}

/** Converts one post's body and fixes its frontmatter for Inkwell. */
export async function convertPost(ctx: ConvertContext): Promise<ConvertedPost> {
  const { post } = ctx
  const children =
    post.format === 'markdown' ? await convertMarkdown(post.body, ctx, post.bodyLine) : htmlToNodes(post.body, ctx, post.bodyLine)
  const tree: Root = { type: 'root', children }
  convertHtml(tree, ctx)
  cleanMarkdown(tree, ctx)
  const fields: PostFields = { ...post.fields }
  const before = takeMore(tree)
  if (before && !fields.summary) fields.summary = summaryFrom(before, ctx)
  await resolveImages(tree, ctx)
  if (fields.cover) fields.cover = await resolveCover(fields.cover, ctx, post.fieldLine('cover'))
  fields.aliases = cleanAliases(fields, post, ctx)
  return { source: post, fields, tree, files: ctx.files }
}

function summaryFrom(nodes: RootContent[], ctx: ConvertContext): string | undefined {
  const text = nodes
    .map((n) => toString(n))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (text.length <= 1000) return text || undefined
  ctx.note(ctx.post.bodyLine, 'the text before <!--more--> is longer than 1,000 characters: the summary is the first paragraph instead')
  return undefined
}

const ATTRIBUTES = /\s*\{\s*[#.][^{}]*\}\s*$|\s*\{:[^{}]*\}\s*$/

/** Heading attributes (`## Title {#id}`) and kramdown attribute lists (`{: .class}`, `{:toc}`): Markdown text to Inkwell, so left out. */
function cleanMarkdown(parent: Parent, ctx: ConvertContext) {
  parent.children = (parent.children as RootContent[]).filter((child) => {
    if (child.type === 'paragraph' && /^\s*\{:[^{}]*\}\s*$/.test(toString(child))) {
      const what = toString(child).trim()
      ctx.note(
        lineOf(child),
        what.includes('toc')
          ? `${what} left out: Inkwell makes the table of contents itself (toc: in the frontmatter)`
          : `kramdown attribute list ${what} left out: Inkwell posts take no classes or ids`,
      )
      return false
    }
    if (child.type === 'heading') headingAttributes(child, ctx)
    if ('children' in child) cleanMarkdown(child, ctx)
    return true
  }) as Parent['children']
}

function headingAttributes(heading: Heading, ctx: ConvertContext) {
  const last = heading.children[heading.children.length - 1]
  if (last?.type !== 'text' || !ATTRIBUTES.test(last.value)) return
  const attrs = ATTRIBUTES.exec(last.value)![0].trim()
  last.value = last.value.replace(ATTRIBUTES, '')
  const id = /#([\w-]+)/.exec(attrs)?.[1]
  // Links to the old id are pointed at the new one (links.ts).
  if (id) heading.data = { ...heading.data, oldId: id } as Heading['data']
  ctx.note(
    lineOf(heading),
    `heading attributes ${attrs} left out: Inkwell gives headings ids from their text${id ? '; links to #' + id + ' now go to the new id' : ''}`,
  )
}

const RESERVED = reservedSegments(APP_DIR)

/** The old URLs a post can keep as aliases: paths only, none where the new site has pages of its own. */
function cleanAliases(fields: PostFields, post: SourcePost, ctx: ConvertContext): string[] {
  const own = pagePath.post(post.slug)
  const kept: string[] = []
  for (const raw of [...new Set([...(post.oldPath ? [post.oldPath] : []), ...fields.aliases])]) {
    let alias = raw.trim()
    if (/^https?:\/\//i.test(alias)) alias = new URL(alias).pathname
    if (!alias.startsWith('/')) alias = `/${alias}`
    const first = alias.split('/').filter(Boolean)[0]
    if (alias.replace(/\/+$/, '') === own || alias === '/') continue
    if (/[?#\\\s]/.test(alias)) ctx.note(post.fieldLine('aliases'), `old URL "${raw}" cannot become an alias: an alias is a plain path`)
    else if (first && (RESERVED.has(first) || first.startsWith('_'))) {
      ctx.note(
        post.fieldLine('aliases'),
        `old URL "${alias}" cannot redirect here: the new site's own /${first} pages answer it (link to ${own} instead)`,
      )
    } else if (!kept.includes(alias)) kept.push(alias)
  }
  return kept.slice(0, 100)
}
