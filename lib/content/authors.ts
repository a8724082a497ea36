import fs from 'node:fs'
import path from 'node:path'
import { readYamlFile } from './frontmatter'
import type { Problem } from './problems'
import { authorSchema } from './schema'

/** A post's author: from content/authors/<id>.yaml (with a page at /authors/<id>), or just a name. */
export interface Author {
  id?: string
  name: string
  bio?: string
  avatar?: string
  links: { label: string; href: string }[]
  /** Only when the author file says showEmail: true. */
  email?: string
}

/** Reads the authors in `root`/authors/, by id (the file name). */
export function readAuthors(root: string, problems: Problem[]): Map<string, Author> {
  const authors = new Map<string, Author>()
  const dir = path.join(/*turbopackIgnore: true*/ root, 'authors')
  if (!fs.existsSync(dir)) return authors
  for (const name of fs.readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue
    const parsed = readYamlFile(path.join(/*turbopackIgnore: true*/ dir, name), authorSchema, 'author', root)
    problems.push(...parsed.problems)
    const id = name.replace(/\.ya?ml$/, '')
    if (!parsed.data) continue
    const { email, showEmail, ...rest } = parsed.data
    const author: Author = { id, ...rest, ...(showEmail && email ? { email } : {}) }
    authors.set(id, author)
    // Posts may name an author by address (as WordPress and Hugo exports do).
    if (email) authors.set(email.toLowerCase(), author)
  }
  return authors
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * The author with this id or address, or else one of this name. An address that no author file
 * claims is never printed: the name is made from the part before the @ (`jane.doe@…` → "Jane Doe").
 */
export function authorFor(authors: Map<string, Author>, idOrName: string): Author {
  const known = authors.get(idOrName) ?? authors.get(idOrName.toLowerCase())
  if (known) return known
  if (!EMAIL.test(idOrName)) return { name: idOrName, links: [] }
  const name = idOrName
    .split('@')[0]!
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
  return { name: name || 'Anonymous', links: [] }
}

/** Every author with a file and a post among `posts` (newest first), ordered by name. */
export function authorEntries<P extends { authors: Author[] }>(posts: P[]): { slug: string; name: string; author: Author; posts: P[] }[] {
  const entries = new Map<string, { slug: string; name: string; author: Author; posts: P[] }>()
  for (const post of posts) {
    for (const author of post.authors) {
      if (!author.id) continue
      let entry = entries.get(author.id)
      if (!entry) entries.set(author.id, (entry = { slug: author.id, name: author.name, author, posts: [] }))
      entry.posts.push(post)
    }
  }
  return [...entries.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
}
