import type { MDXComponents } from 'mdx/types'
import { Admonition } from './admonition'
import { Figure } from './figure'
import { Stat, Stats } from './stats'
import { Table } from './table'

/** The one component registry: posts (lib/content) and MDX pages (mdx-components.tsx) both use it. */
export const mdxComponents = {
  Admonition,
  Figure,
  Stats,
  Stat,
  table: Table,
} satisfies MDXComponents
