import fs from 'node:fs'
import path from 'node:path'
import { decodeUrl, safeDecode } from '../urls'
import type { InternalLink } from './mdx'
import type { Problem } from './problems'
import { plainPath } from './site-paths'
import { closest } from './suggest'

/** What the link check knows of a post: where it is, its text, its links to paths on this site, and its heading ids. */
export interface LinkedPost {
  slug: string
  file: string
  /** The file's text, for the column of a bad character in a link's address. */
  source: string
  links: InternalLink[]
  ids: string[]
}

/** The pages of one build, as the link check needs them. */
export interface LinkSite {
  /** The posts of this build, newest first: their links are checked, and links may point at them. */
  posts: LinkedPost[]
  /** Slugs of the posts this build leaves out (drafts and scheduled posts). */
  unpublished: string[]
  /** Slugs of the post files with errors of their own, reported there. */
  broken: string[]
  /** Every other path a link may point at (decoded): pages, lists, feeds, images, aliases. */
  paths: Set<string>
  /** Files served at the site root, which links may point at too. */
  publicDir: string
}

/** Checks every link between pages of this site: each target must be part of this build. One problem per link that is not. */
export function checkLinks(site: LinkSite): Problem[] {
  const bySlug = new Map(site.posts.map((p) => [p.slug, p]))
  const unpublished = new Set(site.unpublished)
  const broken = new Set(site.broken)
  const problems: Problem[] = []
  for (const from of site.posts) {
    for (const link of from.links) {
      const at = { severity: 'error' as const, file: from.file, line: link.line, column: link.column }
      const decoded = decodeUrl(link.href, `link "${link.href}"`)
      if (decoded.error !== undefined) {
        problems.push({ ...at, column: columnOf(from.source, link, decoded.at), message: decoded.error })
        continue
      }
      const { pathname, anchor } = splitHref(link.href)
      const slug = /^\/posts\/([^/]+)$/.exec(pathname)?.[1]
      const target = pathname === '' ? from : slug ? bySlug.get(slug) : undefined
      let message: string | undefined
      // A post with errors of its own is reported at its file, not at every link to it (nor its anchors).
      if (slug && broken.has(slug)) message = undefined
      else if (slug && !target) message = noSuchPost(link.href, slug, unpublished, [...bySlug.keys()])
      else if (target && anchor) message = noSuchHeading(link.href, anchor, target.ids)
      else if (!target && !site.paths.has(pathname) && !fs.existsSync(path.join(/*turbopackIgnore: true*/ site.publicDir, pathname))) {
        const guess = closest(pathname, [...site.paths])
        message = `link to ${link.href}: no such page on this site (${guess ? `did you mean ${guess}?` : 'check the path'})`
      }
      if (message) problems.push({ ...at, message })
    }
  }
  return problems
}

/** A link's path (decoded, without trailing slash) and its #fragment (decoded), split before decoding: an escaped %23 or %3F is part of the path. */
function splitHref(href: string): { pathname: string; anchor?: string } {
  const decode = (part: string) => safeDecode(part).normalize('NFC')
  const [pathAndQuery = '', rawAnchor] = href.split('#')
  return { pathname: plainPath(decode(pathAndQuery.split('?')[0]!)), anchor: rawAnchor === undefined ? undefined : decode(rawAnchor) }
}

function noSuchPost(href: string, slug: string, unpublished: Set<string>, published: string[]): string {
  if (unpublished.has(slug)) return `link to ${href} points at a post that is not published (publish ${slug} first, or remove the link)`
  const guess = closest(slug, published)
  return `link to ${href}: no such post (${guess ? `did you mean /posts/${guess}?` : 'posts are at /posts/<file or folder name>'})`
}

function noSuchHeading(href: string, anchor: string, ids: string[]): string | undefined {
  if (ids.includes(anchor) || anchor.startsWith('user-content-fn')) return undefined
  const guess = closest(anchor, ids)
  return `link to ${href}: no heading with id "${anchor}" in that post (${guess ? `did you mean #${guess}? ` : ''}headings there: ${ids.join(', ') || 'none'})`
}

/** The column of the character `at` into a link's address, when the address is written out on the link's line; else the link's own. */
function columnOf(source: string, link: InternalLink, at: number): number {
  const line = source.split('\n')[link.line - 1] ?? ''
  const found = line.indexOf(link.href, link.column - 1)
  return found < 0 ? link.column : found + at + 1
}
