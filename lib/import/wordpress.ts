import fs from 'node:fs'
import type { Element, Root as XmlRoot } from 'xast'
import { fromXml } from 'xast-util-from-xml'

import { dateText, slugOf } from './frontmatter'
import { htmlToNodes } from './html'
import type { ImportReport } from './report'
import { toPlainMarkdown } from './serialize'
import type { ConvertContext, PostFields, SourceComment, SourcePost, SourceSite } from './types'
import { autop, expandShortcodes } from './wordpress-html'

// A WordPress export (WXR: Tools → Export → All content): its published posts, drafts as drafts,
// categories, tags and authors, the post HTML, attachments, and the approved comments, threaded.

const children = (el: Element, name: string) => el.children.filter((c): c is Element => c.type === 'element' && c.name === name)
const child = (el: Element, name: string) => children(el, name)[0]
const textOf = (el: Element | undefined): string =>
  el ? el.children.map((c) => (c.type === 'text' || c.type === 'cdata' ? c.value : c.type === 'element' ? textOf(c) : '')).join('') : ''
const value = (el: Element, name: string) => textOf(child(el, name)).trim()
const lineOf = (el: Element | undefined) => el?.position?.start.line ?? 1

/** Reads a WordPress export file. */
export async function readWordPress(file: string, report: ImportReport): Promise<SourceSite> {
  let tree: XmlRoot
  try {
    tree = fromXml(fs.readFileSync(file))
  } catch (error) {
    throw new Error(`${file} is not a readable WordPress export: ${error instanceof Error ? error.message : String(error)}`)
  }
  const rss = tree.children.find((c): c is Element => c.type === 'element' && c.name === 'rss')
  const channel = rss && child(rss, 'channel')
  if (!channel) throw new Error(`${file} is not a WordPress export (no <rss><channel>)`)
  const baseUrl = (value(channel, 'wp:base_blog_url') || value(channel, 'link')).replace(/\/?$/, '/')
  const authors = readAuthors(channel)
  const items = children(channel, 'item')
  const attachments = new Map(items.filter((i) => value(i, 'wp:post_type') === 'attachment').map((i) => [value(i, 'wp:post_id'), i]))
  const site: SourceSite = {
    kind: 'wordpress',
    root: file,
    baseUrl,
    posts: [],
    staticDirs: [],
    authors: new Map(),
    imageSize: attachmentSizes(attachments),
  }
  const skipped = new Map<string, number>()
  for (const item of items) {
    const type = value(item, 'wp:post_type')
    if (type !== 'post') {
      if (type !== 'attachment') skipped.set(type, (skipped.get(type) ?? 0) + 1)
      if (type === 'page')
        report.add(
          file,
          lineOf(item),
          `page "${value(item, 'title')}" left out: Inkwell imports posts (write it as an MDX page in app/, as app/about/page.mdx is)`,
        )
      continue
    }
    const post = readItem(item, file, { site, authors, attachments, report })
    if (post) site.posts.push(post)
  }
  for (const [type, n] of skipped)
    if (type !== 'page') report.add(file, 1, `${n} item${n === 1 ? '' : 's'} of type "${type}" left out: not posts`)
  return site
}

interface Author {
  id: string
  userId: string
  name: string
}

function readAuthors(channel: Element): Map<string, Author> {
  const map = new Map<string, Author>()
  for (const el of children(channel, 'wp:author')) {
    const login = value(el, 'wp:author_login')
    const name =
      value(el, 'wp:author_display_name') || [value(el, 'wp:author_first_name'), value(el, 'wp:author_last_name')].join(' ').trim() || login
    map.set(login, { id: slugOf(login), userId: value(el, 'wp:author_id'), name })
  }
  return map
}

/** Sizes of uploaded images: from the attachment's metadata, or the -300x200 that WordPress puts in resized copies' names. */
function attachmentSizes(attachments: Map<string, Element>): (url: string) => { width: number; height: number } | undefined {
  const sizes = new Map<string, { width: number; height: number }>()
  for (const item of attachments.values()) {
    const meta = children(item, 'wp:postmeta').find((m) => value(m, 'wp:meta_key') === '_wp_attachment_metadata')
    const m = meta && /s:5:"width";i:(\d+);s:6:"height";i:(\d+);/.exec(value(meta, 'wp:meta_value'))
    if (m) sizes.set(value(item, 'wp:attachment_url'), { width: Number(m[1]), height: Number(m[2]) })
  }
  return (url) => {
    const resized = /-(\d+)x(\d+)\.(?:jpe?g|png|gif|webp|avif)$/i.exec(url.split('?')[0]!)
    return sizes.get(url.split('?')[0]!) ?? (resized ? { width: Number(resized[1]), height: Number(resized[2]) } : undefined)
  }
}

interface ItemContext {
  site: SourceSite
  authors: Map<string, Author>
  attachments: Map<string, Element>
  report: ImportReport
}

/** WordPress keeps local time and UTC apart: the two together give the offset. */
function wpDate(local: string, gmt: string): string | undefined {
  const day = dateText(local)
  if (!day || !gmt || gmt.startsWith('0000')) return day
  const minutes = Math.round((Date.parse(`${local.replace(' ', 'T')}Z`) - Date.parse(`${gmt.replace(' ', 'T')}Z`)) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${day}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

const STATUS_DRAFT: Record<string, string> = {
  draft: 'a draft',
  pending: 'waiting for review',
  private: 'private',
}

function readItem(item: Element, file: string, ic: ItemContext): SourcePost | undefined {
  const { report, site } = ic
  const line = lineOf(item)
  const status = value(item, 'wp:status')
  const title = value(item, 'title')
  if (status === 'trash' || status === 'auto-draft') {
    report.add(file, line, `post "${title}" left out: it was ${status === 'trash' ? 'in the trash' : 'an empty automatic draft'}`)
    return undefined
  }
  const draft = status !== 'publish' && status !== 'future'
  if (STATUS_DRAFT[status] && status !== 'draft') report.add(file, line, `post "${title}" was ${STATUS_DRAFT[status]}: imported as a draft`)
  if (value(item, 'wp:post_password'))
    report.add(file, line, `post "${title}" had a password: imported as a draft${draft ? '' : ', not published'}`)
  const name = safeDecode(value(item, 'wp:post_name'))
  const slug = slugOf(name || title || `post-${value(item, 'wp:post_id')}`)
  const fields = itemFields(item, ic, line, title, slug, draft || Boolean(value(item, 'wp:post_password')))
  const link = value(item, 'link')
  const oldPath = !draft && URL.canParse(link) && !new URL(link).search ? new URL(link).pathname : undefined
  const content = child(item, 'content:encoded')
  const raw = textOf(content)
  const bodyLine = lineOf(content)
  const note = (offset: number, message: string) => report.add(file, bodyLine + (raw.slice(0, offset).match(/\n/g)?.length ?? 0), message)
  const expanded = expandShortcodes(raw, note)
  const body = /<!-- wp:/.test(raw) ? expanded : autop(expanded)
  const post: SourcePost = {
    file,
    slug,
    fields,
    body,
    bodyLine,
    fieldLine: (key) =>
      lineOf(
        child(
          item,
          { title: 'title', date: 'wp:post_date', tags: 'category', categories: 'category', aliases: 'link', cover: 'wp:postmeta' }[key] ??
            'title',
        ),
      ),
    format: 'html',
    dir: site.root,
    oldPath,
    keys: [slug, String(value(item, 'wp:post_id'))],
  }
  post.comments = readComments(item, post, ic)
  return post
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

function itemFields(item: Element, ic: ItemContext, line: number, title: string, slug: string, draft: boolean): PostFields {
  const terms = (domain: string) =>
    children(item, 'category')
      .filter((c) => c.attributes.domain === domain)
      .map((c) => textOf(c).trim())
  const login = value(item, 'dc:creator')
  const author = ic.authors.get(login)
  if (author) ic.site.authors.set(author.id, { name: author.name })
  const date = wpDate(value(item, 'wp:post_date'), value(item, 'wp:post_date_gmt')) ?? new Date().toISOString().slice(0, 10)
  const updated = wpDate(value(item, 'wp:post_modified'), value(item, 'wp:post_modified_gmt'))
  const thumbnail = children(item, 'wp:postmeta').find((m) => value(m, 'wp:meta_key') === '_thumbnail_id')
  const attachment = thumbnail && ic.attachments.get(value(thumbnail, 'wp:meta_value'))
  if (!title) ic.report.add(ic.site.root, line, `post ${slug} has no title: titled "${slug}"`)
  const excerpt = textOf(child(item, 'excerpt:encoded'))
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return {
    title: title || slug,
    date,
    updated: updated && updated.slice(0, 10) !== date.slice(0, 10) ? updated : undefined,
    summary: excerpt || undefined,
    author: author?.id ?? (login || undefined),
    categories: terms('category'),
    tags: terms('post_tag'),
    draft,
    comments: value(item, 'wp:comment_status') === 'closed' ? false : undefined,
    cover: attachment ? value(attachment, 'wp:attachment_url') : undefined,
    aliases: [],
  }
}

/** The approved comments of a post; the others are counted in the report. */
function readComments(item: Element, post: SourcePost, ic: ItemContext): SourceComment[] {
  const list: SourceComment[] = []
  const left = new Map<string, number>()
  const authorId = ic.authors.get(value(item, 'dc:creator'))?.userId
  for (const el of children(item, 'wp:comment')) {
    const approved = value(el, 'wp:comment_approved')
    const type = value(el, 'wp:comment_type') || 'comment'
    if (approved !== '1' || type !== 'comment') {
      const why = type !== 'comment' ? `${type}s` : approved === 'spam' ? 'spam' : approved === 'trash' ? 'in the trash' : 'not approved'
      left.set(why, (left.get(why) ?? 0) + 1)
      continue
    }
    const created = value(el, 'wp:comment_date_gmt')
    const userId = value(el, 'wp:comment_user_id')
    list.push({
      id: value(el, 'wp:comment_id'),
      parentId: value(el, 'wp:comment_parent') !== '0' ? value(el, 'wp:comment_parent') : undefined,
      name: value(el, 'wp:comment_author') || 'Anonymous',
      website: websiteOf(value(el, 'wp:comment_author_url')),
      body: commentMarkdown(value(el, 'wp:comment_content'), post, ic, lineOf(el)),
      createdAt: new Date(`${(created && !created.startsWith('0000') ? created : value(el, 'wp:comment_date')).replace(' ', 'T')}Z`),
      isAuthor: Boolean(authorId) && userId === authorId,
      line: lineOf(el),
    })
  }
  for (const [why, n] of left)
    ic.report.add(post.file, lineOf(item), `${n} comment${n === 1 ? '' : 's'} of "${post.fields.title}" left out: ${why}`)
  return list
}

/** A commenter's website as the comment form stores it: an http(s) URL, or nothing. */
const websiteOf = (url: string) => (URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? new URL(url).href : undefined)

/** A comment's HTML as the Markdown the comment store keeps. */
function commentMarkdown(html: string, post: SourcePost, ic: ItemContext, line: number): string {
  const note = (l: number, message: string) => ic.report.add(post.file, l, `comment: ${message}`)
  const ctx = { post, site: ic.site, report: ic.report, note, noteOnce: note } as unknown as ConvertContext
  return toPlainMarkdown({ type: 'root', children: htmlToNodes(autop(html), ctx, line) })
}
