import fs from 'node:fs'
import path from 'node:path'
import { linkOutside, outsideProblem } from './files'
import type { Problem } from './problems'

/** Finds post files: `posts/<slug>.mdx` and `posts/<slug>/index.mdx`, none through a link that leaves `root`. */
export function findPostFiles(postsDir: string, problems: Problem[], root = path.dirname(postsDir)): string[] {
  if (!fs.existsSync(postsDir)) return []
  const files: string[] = []
  for (const entry of fs.readdirSync(postsDir, { withFileTypes: true })) {
    const full = path.join(/*turbopackIgnore: true*/ postsDir, entry.name)
    if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
    if (entry.isSymbolicLink() && linkOutside(full, root)) {
      problems.push(outsideProblem(full))
      continue
    }
    // A linked folder is a post folder too; reading it checks where the link leads (files.ts).
    if (entry.isDirectory() || (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isDirectory())) {
      const index = folderIndex(full, problems)
      if (index) files.push(index)
    } else if (entry.name.endsWith('.mdx')) {
      files.push(full)
    } else if (/\.(md|markdown)$/.test(entry.name)) {
      problems.push({ severity: 'error', file: full, line: 1, column: 1, message: `posts are MDX files (rename ${entry.name} to ${entry.name.replace(/\.\w+$/, '.mdx')})` })
    }
  }
  return files.sort()
}

/** The `index.mdx` of a post folder; else undefined, with a problem saying why it is no post. */
function folderIndex(folder: string, problems: Problem[]): string | undefined {
  const index = path.join(/*turbopackIgnore: true*/ folder, 'index.mdx')
  if (fs.existsSync(index)) return index
  const md = path.join(/*turbopackIgnore: true*/ folder, 'index.md')
  if (fs.existsSync(md)) problems.push({ severity: 'error', file: md, line: 1, column: 1, message: 'posts are MDX files (rename index.md to index.mdx)' })
  else
    problems.push({
      severity: 'warning',
      file: folder,
      line: 1,
      column: 1,
      message: 'folder has no index.mdx, so it is not a post (add index.mdx, or start the name with _ to keep it aside)',
    })
  return undefined
}

/** A post's slug: its file name, or its folder's for `index.mdx`; in NFC, as macOS writes names decomposed. */
export const slugOf = (file: string) => (path.basename(file) === 'index.mdx' ? path.basename(path.dirname(file)) : path.basename(file, '.mdx')).normalize('NFC')
