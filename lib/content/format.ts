import path from 'node:path'

/** How a post is written: MDX (Markdown with components and expressions) or plain CommonMark + GFM. */
export type PostFormat = 'mdx' | 'md'

/** The file name of a post folder's text, in the order a folder is searched. */
export const INDEX_FILES = ['index.mdx', 'index.md'] as const

/** The format of a post file, by its extension: `.md` is plain Markdown, anything else MDX. */
export const formatOf = (file: string): PostFormat => (path.extname(file) === '.md' ? 'md' : 'mdx')

/** True for `<slug>/index.mdx` and `<slug>/index.md`, whose slug is the folder's name. */
export const isIndexFile = (file: string) => (INDEX_FILES as readonly string[]).includes(path.basename(file))
