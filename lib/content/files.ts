import fs from 'node:fs'
import path from 'node:path'
import type { Problem } from './problems'

// Nothing outside the content folder (and public/, for `/x.png` images) may end up in a page or
// in the output: a symbolic link under content/ that leads elsewhere (to ~/.ssh, to the app's
// own source) is refused at the link. Links that stay inside work. Turbopack refuses them too,
// with a panic: Tailwind's scan of the project follows them to files outside its roots.

const within = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep)

/**
 * The symbolic link through which `file` (a path inside `folder`) really lies outside `folder`, if
 * any; undefined when it stays inside or does not exist. `folder` itself may be a link.
 */
export function linkOutside(file: string, folder: string): string | undefined {
  try {
    const real = fs.realpathSync(folder)
    let current = folder
    for (const part of path.relative(folder, file).split(path.sep)) {
      current = path.join(/*turbopackIgnore: true*/ current, part)
      if (fs.lstatSync(current).isSymbolicLink() && !within(fs.realpathSync(current), real)) return current
    }
  } catch {
    // Missing or a broken link: whoever reads it reports that.
  }
  return undefined
}

/** The problem for a link that leads outside the content folder, at the link itself. */
export function outsideProblem(link: string): Problem {
  const kind = fs.statSync(link).isDirectory() ? 'folder' : 'file'
  const message = `symbolic link to a ${kind} outside the content folder (copy the ${kind} into the content folder instead of linking to it)`
  return { severity: 'error', file: link, line: 1, column: 1, message }
}

/** Reads a file of the content folder `root` as text; undefined, with a problem, when a link leads it outside. */
export function readContentFile(file: string, root: string, problems: Problem[]): string | undefined {
  const link = linkOutside(file, root)
  if (!link) return fs.readFileSync(file, 'utf8')
  if (!problems.some((p) => p.file === link)) problems.push(outsideProblem(link))
  return undefined
}
