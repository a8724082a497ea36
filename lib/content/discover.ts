import fs from 'node:fs'
import path from 'node:path'
import { linkOutside, outsideProblem } from './files'
import { INDEX_FILES, isIndexFile } from './format'
import type { Problem } from './problems'

/**
 * Finds post files: `posts/<slug>.mdx|.md` and `posts/<slug>/index.mdx|.md`, none through a link
 * that leaves `root`. A slug written both as MDX and as Markdown is an error at the `.md` file,
 * which is left out.
 */
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
      files.push(...folderIndex(full, problems))
    } else if (/\.mdx?$/.test(entry.name)) {
      files.push(full)
    } else if (/\.(markdown|mdown|mkd)$/.test(entry.name)) {
      const md = entry.name.replace(/\.\w+$/, '.md')
      problems.push({ severity: 'error', file: full, line: 1, column: 1, message: `posts are .md or .mdx files (rename ${entry.name} to ${md})` })
    }
  }
  return oneFormatPerSlug(files.sort(), problems)
}

/** Leaves out the `.md` of a slug that also has an `.mdx` (`x.md` beside `x.mdx` or `x/index.mdx`), with an error at it. */
function oneFormatPerSlug(files: string[], problems: Problem[]): string[] {
  const mdx = new Map(files.filter((f) => !f.endsWith('.md')).map((f) => [slugOf(f), f]))
  return files.filter((file) => {
    const other = file.endsWith('.md') ? mdx.get(slugOf(file)) : undefined
    if (!other) return true
    const message = `post "${slugOf(file)}" is written twice, as ${path.relative(process.cwd(), other)} and as this file (a post is one file, .mdx or .md: delete or rename one of them)`
    problems.push({ severity: 'error', file, line: 1, column: 1, message })
    return false
  })
}

/** The text of a post folder, `index.mdx` or `index.md` (both: each, for the slug check); else none, with a warning saying why it is no post. */
function folderIndex(folder: string, problems: Problem[]): string[] {
  const found = INDEX_FILES.map((name) => path.join(/*turbopackIgnore: true*/ folder, name)).filter((file) => fs.existsSync(file))
  if (!found.length) {
    problems.push({
      severity: 'warning',
      file: folder,
      line: 1,
      column: 1,
      message: 'folder has no index.mdx or index.md, so it is not a post (add one, or start the name with _ to keep it aside)',
    })
  }
  return found
}

/** A post's slug: its file name, or its folder's for `index.mdx|.md`; in NFC, as macOS writes names decomposed. */
export const slugOf = (file: string) => (isIndexFile(file) ? path.basename(path.dirname(file)) : path.basename(file, path.extname(file))).normalize('NFC')
