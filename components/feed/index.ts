import type { MDXComponents } from 'mdx/types'

import { mdxComponents } from '../mdx'
import { FeedAdmonition } from './admonition'
import { FeedEmbed, FeedVimeo, FeedYouTube } from './embed'
import { FeedStat, FeedStats } from './stats'

/**
 * The registry as feeds use it: the same components, except where the page version depends on
 * our CSS or JavaScript, or reads wrongly without it. lib/feed-html.ts then strips classes and
 * makes URLs absolute, so Figure renders as it is (a <figure> with <figcaption>).
 */
export const feedComponents: MDXComponents = {
  ...mdxComponents,
  Admonition: FeedAdmonition,
  Stats: FeedStats,
  Stat: FeedStat,
  // Players are a link with the title: nothing to click to load, nothing loaded.
  YouTube: FeedYouTube,
  Vimeo: FeedVimeo,
  Embed: FeedEmbed,
  // On pages these add a scrolling wrapper and a code toolbar with a copy button (client code,
  // which cannot render outside the page); in a feed, the plain elements.
  table: 'table',
  figure: 'figure',
}
