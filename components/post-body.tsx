import { evaluatePost } from '@/lib/content/run'
import { mdxComponents } from './mdx'

/** Renders a post's compiled MDX (compiled once, in lib/content) with the component registry. */
export function PostBody({ code }: { code: string }) {
  // Called, not rendered as <Content />: the component is made from the post's code here, and
  // React must not take a new component type on every render for a remount.
  return evaluatePost(code, mdxComponents)({})
}
