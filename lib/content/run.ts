import { runSync } from '@mdx-js/mdx'
import type { MDXContent } from 'mdx/types'
import * as runtime from 'react/jsx-runtime'

/** Turns a post's compiled MDX (Post.code) into a component to render with the registry. */
export function evaluatePost(code: string): MDXContent {
  return runSync(code, { ...runtime, baseUrl: import.meta.url }).default
}
