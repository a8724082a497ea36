import type { mdxComponents } from '@/components/mdx'

// The MDX language server (VS Code's MDX extension) reads this type to complete and check the
// props of components used in posts and MDX pages.
declare global {
  type MDXProvidedComponents = typeof mdxComponents
}
