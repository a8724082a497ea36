import type { Link, Parent, PhrasingContent, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'

import { pagePath } from '../routes'
import { createSlugger } from '../slug'
import { oldSitePath } from './assets'
import { lineOf } from './markdown'
import type { ConvertedPost, SourceSite } from './types'

// Links between imported posts: old URLs, relative paths and source references become
// /posts/<slug> links; anchors are checked against the new heading ids; links the new site
// cannot answer point at the old site, and each change that loses something is reported.

/** A path as the index keys it: decoded, without trailing slash and `index.html`. */
export const pathKey = (p: string) => {
  let decoded = p
  try {
    decoded = decodeURI(p)
  } catch {
    /* kept as written */
  }
  return (
    decoded
      .replace(/\/index\.html?$/, '/')
      .replace(/\/+$/, '')
      .toLowerCase() || '/'
  )
}

interface Target {
  post: ConvertedPost
  ids: Set<string>
  /** Ids the source gave headings (`{#id}`), to the ids Inkwell makes. */
  renamed: Map<string, string>
}

type Note = (post: ConvertedPost, line: number, message: string) => void

/** Heading ids as Inkwell will make them, and the source's own ids for them. */
function target(post: ConvertedPost): Target {
  const slug = createSlugger()
  const found: Target = { post, ids: new Set(), renamed: new Map() }
  const walk = (parent: Parent) => {
    for (const child of parent.children) {
      if (child.type === 'heading') {
        const id = slug(toString(child))
        found.ids.add(id)
        const oldId = (child.data as { oldId?: string } | undefined)?.oldId
        if (oldId) found.renamed.set(oldId, id)
      } else if ('children' in child) walk(child)
    }
  }
  walk(post.tree)
  return found
}

/** Rewrites the links of every converted post (see the top of this file). */
export function fixLinks(
  posts: ConvertedPost[],
  site: SourceSite,
  note: Note,
  resolveRef: (from: ConvertedPost, ref: string) => string | undefined,
): void {
  const bySlug = new Map<string, Target>()
  const byOld = new Map<string, Target>()
  for (const post of posts) {
    const found = target(post)
    bySlug.set(post.source.slug, found)
    for (const alias of [...post.fields.aliases, post.source.oldPath ?? '']) if (alias) byOld.set(pathKey(alias), found)
  }
  for (const post of posts) {
    const visit = (parent: Parent) => {
      parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
        if ('children' in child) visit(child)
        if (child.type !== 'link') return [child]
        return fixLink(child, post, { site, bySlug, byOld, note, resolveRef })
      }) as Parent['children']
    }
    visit(post.tree)
  }
}

interface LinkIndex {
  site: SourceSite
  bySlug: Map<string, Target>
  byOld: Map<string, Target>
  note: Note
  resolveRef: (from: ConvertedPost, ref: string) => string | undefined
}

/** The link as it goes into the new post: rewritten, pointing at the old site, or only its text. */
function fixLink(link: Link, post: ConvertedPost, index: LinkIndex): PhrasingContent[] {
  const { site, bySlug, byOld, note } = index
  const line = lineOf(link)
  const [rawPath = '', anchor] = link.url.split('#') as [string, string | undefined]
  const external = /^[a-z][a-z0-9+.-]*:/i.test(link.url) || link.url.startsWith('//')
  const oldPath = external ? oldSitePath(link.url, site.baseUrl) : undefined
  if (external && oldPath === undefined) return [link]
  let target: Target | undefined
  if (!rawPath) target = bySlug.get(post.source.slug)
  else if (/^\/posts\/[^/]+$/.test(rawPath) && bySlug.has(rawPath.slice(7))) target = bySlug.get(rawPath.slice(7))
  else {
    const ref = oldPath === undefined ? index.resolveRef(post, rawPath) : undefined
    const from = new URL(post.source.oldPath ?? '/', 'http://old/')
    target = ref ? bySlug.get(ref) : byOld.get(pathKey(oldPath ?? new URL(rawPath.split('?')[0]!, from).pathname))
  }
  if (!target) return elsewhere(link, post, index, oldPath ?? rawPath, anchor, line)
  if (target.post.fields.draft && !post.fields.draft) {
    note(post, line, `link to "${link.url}" leads to a post imported as a draft: kept as text until it is published`)
    return link.children
  }
  const id = anchor && !target.ids.has(anchor) ? target.renamed.get(anchor) : anchor
  let hash = id ? `#${id}` : ''
  if (anchor && !id) {
    note(post, line, `link to "${link.url}": the post has no heading with id "${anchor}" any more, so the link goes to the post`)
    hash = ''
  }
  if (!hash && target.post === post) {
    note(post, line, `link to "${link.url}" pointed at this post itself: kept as text`)
    return link.children
  }
  link.url = `${target.post === post ? '' : pagePath.post(target.post.source.slug)}${hash}`
  return [link]
}

/** A link to a page that is not an imported post: to it on the old site, or only its text. */
function elsewhere(
  link: Link,
  post: ConvertedPost,
  index: LinkIndex,
  rawPath: string,
  anchor: string | undefined,
  line: number,
): PhrasingContent[] {
  const { site, note } = index
  if (rawPath.startsWith('mailto:')) return [link]
  if (!site.baseUrl) {
    note(post, line, `link to "${link.url}" leads to no imported post and the old site's address is unknown: kept as text`)
    return link.children
  }
  const from = new URL(post.source.oldPath ?? '/', site.baseUrl.replace(/\/?$/, '/'))
  const url = new URL(rawPath.startsWith('/') ? site.baseUrl.replace(/\/$/, '') + rawPath : rawPath, from)
  if (anchor) url.hash = anchor
  note(post, line, `link to "${link.url}" leads to no imported post: it points at the old site, ${url.href}`)
  link.url = url.href
  return [link]
}
