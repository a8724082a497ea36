import { evaluatePost } from '@/lib/content/run'
import { mdxComponents } from './mdx'

/** Renders a post's compiled MDX (compiled once, in lib/content) with the component registry. */
export function PostBody({ code }: { code: string }) {
  const Content = evaluatePost(code, mdxComponents)
  return <Content />
}
