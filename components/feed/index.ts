import type { MDXComponents } from 'mdx/types'

import { mdxComponents } from '../mdx'
import { FeedAdmonition } from './admonition'

/**
 * The registry as feeds use it: the same components, except where the page version depends on
 * our CSS or JavaScript. lib/feed-html.ts then strips classes and makes URLs absolute, so
 * Figure and Stats render as they are (a <figure> with <figcaption>, a <dl>).
 */
export const feedComponents: MDXComponents = {
  ...mdxComponents,
  Admonition: FeedAdmonition,
  // On pages these add a scrolling wrapper and a code toolbar with a copy button (client code,
  // which cannot render outside the page); in a feed, the plain elements.
  table: 'table',
  figure: 'figure',
}
