import fs from 'node:fs'
import path from 'node:path'
import { readYamlFile } from './frontmatter'
import type { Problem } from './problems'
import { authorSchema } from './schema'

/** A post's author: from content/authors/<id>.yaml, or just a name. */
export interface Author {
  id?: string
  name: string
  bio?: string
  avatar?: string
  links: { label: string; href: string }[]
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
    if (parsed.data) authors.set(id, { id, ...parsed.data })
  }
  return authors
}

/** The author with this id, or else one of this name. */
export const authorFor = (authors: Map<string, Author>, idOrName: string): Author => authors.get(idOrName) ?? { name: idOrName, links: [] }
