import type { Post } from './content'
import { cardPath } from './routes'

/**
 * `path` (starting with /, as routes.ts writes it) as an absolute URL on the site. The site URL
 * already honours SITE_URL and ends in the base path (`https://me.github.io/blog`), whose home
 * page is that URL itself, as the site links it.
 */
export function absoluteUrl(siteUrl: string, path = '/'): string {
  if (path === '/' && /^[a-z]+:\/\/[^/]+\/./i.test(siteUrl)) return siteUrl
  return `${siteUrl}${encodePath(path.startsWith('/') ? path : `/${path}`)}`
}

/**
 * A path with every character outside printable ASCII percent-encoded (`/posts/日本語` →
 * `/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E`), escapes already there kept: what XML feeds, sitemaps
 * and HTTP headers need. Pages link with the readable form, which browsers encode the same way.
 */
export function encodePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c.toWellFormed()))
}

/** A URL, or a part of one, with its percent-escapes decoded; else what is wrong, and where. */
export type Decoded = { value: string; error?: undefined } | { value?: undefined; error: string; at: number }

/**
 * Decodes the percent-escapes in `text` (the one place that does: decodeURIComponent throws on a
 * stray `%`). `what` starts the message, such as `link "/posts/a%zz"`.
 */
export function decodeUrl(text: string, what: string): Decoded {
  const stray = /%(?![0-9a-f]{2})/i.exec(text)
  if (stray) {
    return {
      error: `${what} is not a valid URL: "${text.slice(stray.index, stray.index + 3)}" is not a percent-escape (write %25 for a literal %)`,
      at: stray.index,
    }
  }
  for (const run of text.matchAll(/(?:%[0-9a-f]{2})+/gi)) {
    try {
      decodeURIComponent(run[0])
    } catch {
      return { error: `${what} is not a valid URL: "${run[0].slice(0, 12)}" is not UTF-8 text (write %25 for a literal %)`, at: run.index }
    }
  }
  return { value: decodeURIComponent(text) }
}

/**
 * A route parameter as content names it. Next hands pages their parameters percent-encoded
 * (`%E6%97%A5…` for 日本語) while route handlers get them decoded; slugs never hold a `%`, so
 * decoding is safe either way. NFC, as slugs are (macOS writes file names decomposed).
 */
export function fromParam(value: string): string {
  return safeDecode(value).normalize('NFC')
}

/** `text` decoded where that is known to be safe, or where a bad escape was already reported: as written then. */
export const safeDecode = (text: string): string => decodeUrl(text, '').value ?? text

/** When a post last changed: its `updated` date, else its publication date. */
export function lastChanged(post: Post): Date {
  return post.updated ?? post.date
}

/** The latest change among `posts`, or undefined for none. */
export function newestChange(posts: Post[]): Date | undefined {
  const times = posts.map((post) => lastChanged(post).getTime())
  return times.length ? new Date(Math.max(...times)) : undefined
}

/** The social image of a post: its cover when social sites can show it, else the generated card. */
export function socialImage(post: Pick<Post, 'slug' | 'cover'>): { path: string; width: number; height: number } {
  if (post.cover && /\.(png|jpe?g|gif|webp)$/i.test(post.cover.url)) {
    return { path: post.cover.url, width: post.cover.width, height: post.cover.height }
  }
  return { path: cardPath.post(post.slug), width: OG_SIZE.width, height: OG_SIZE.height }
}

/** Size of generated social images: what OpenGraph consumers expect for a large card. */
export const OG_SIZE = { width: 1200, height: 630 }

/** The generated card for pages that are not posts. */
export const SITE_IMAGE = { path: cardPath.site, ...OG_SIZE }
