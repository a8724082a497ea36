import type { MDXComponents } from 'mdx/types'

import { mdxComponents } from '@/components/mdx'

// @next/mdx pages (app/**/page.mdx) get the same components as posts.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...mdxComponents, ...components }
}
