import type { MDXComponents } from 'mdx/types'

import { Admonition } from './admonition'
import { CodeBlock } from './code-block'
import { Embed } from './embed'
import { Figure } from './figure'
import { Stat, Stats } from './stats'
import { Table } from './table'
import { TaskCheckbox } from './task-checkbox'
import { Vimeo } from './vimeo'
import { YouTube } from './youtube'

/** The one component registry: posts (lib/content) and MDX pages (mdx-components.tsx) both use it. */
export const mdxComponents = {
  Admonition,
  Figure,
  Stats,
  Stat,
  YouTube,
  Vimeo,
  Embed,
  table: Table,
  // rehype-pretty-code wraps each code block in a <figure>.
  figure: CodeBlock,
  // Task list items (- [x] …) carry a bare checkbox.
  input: TaskCheckbox,
} satisfies MDXComponents
