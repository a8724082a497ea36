// Every URL path of the site is built here and nowhere else (the scheme is in DESIGN.md): pages
// link with these, and the link check, the sitemap, generateStaticParams and the list pages all
// enumerate the list pages with listPages(). Paths are written readable (`/tags/日本語`); lib/urls
// encodes them where a feed, sitemap or header needs ASCII.
import type { Post } from './content'

/** Categories or tags: the two kinds of taxonomy, which share their pages. */
export type TermKind = 'categories' | 'tags'

/** Page `page` (from 1) of the list at `base`, '' being the home page's. */
const paged = (base: string, page: number) => (page === 1 ? base || '/' : `${base}/page/${page}`)

/** Where the site's pages live. */
export const pagePath = {
  /** Page `page` of the newest posts. */
  home: (page = 1) => paged('', page),
  /** A post; its images are under it. */
  post: (slug: string) => `/posts/${slug}`,
  /** A file in a post's or a series' folder (`/posts/<slug>/diagram.png`), or in public/ (`base` ''). */
  file: (base: string, file: string) => `${base}/${file}`,
  archive: '/archive',
  search: '/search',
  about: '/about',
  /** /categories or /tags: every name with its count. */
  terms: (kind: TermKind) => `/${kind}`,
  /** Page `page` of one category's or tag's posts. */
  term: (kind: TermKind, slug: string, page = 1) => paged(`/${kind}/${slug}`, page),
  allSeries: '/series',
  series: (slug: string) => `/series/${slug}`,
  authors: '/authors',
  /** Page `page` of one author's posts. */
  author: (id: string, page = 1) => paged(`/authors/${id}`, page),
  /** Every feed, explained for readers. */
  feeds: '/feeds',
  sitemap: '/sitemap.xml',
  robots: '/robots.txt',
  /** Pagefind's script, written into the build by scripts/search-index.mts. */
  searchScript: '/pagefind/pagefind.js',
}

/** The three formats every feed is written in, with the file name each has beside its page. */
export const FEED_FORMATS = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', type: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', label: 'JSON Feed' },
} as const
export type FeedFormat = keyof typeof FEED_FORMATS

/** Whose posts a feed follows: the whole site's, or one list's. */
export type FeedOwner = { kind: 'site' } | { kind: TermKind | 'series' | 'authors'; slug: string }

/** The kinds of list that have feeds of their own, for the feed routes' static params. */
export const FEED_LISTS = ['categories', 'tags', 'series', 'authors'] as const

/** The page a feed follows. */
export function feedPage(owner: FeedOwner): string {
  if (owner.kind === 'site') return pagePath.home()
  if (owner.kind === 'series') return pagePath.series(owner.slug)
  if (owner.kind === 'authors') return pagePath.author(owner.slug)
  return pagePath.term(owner.kind, owner.slug)
}

/** Where a feed lives: its file name beside the page it follows (`/feed.xml`, `/tags/css/atom.xml`). */
export function feedPath(owner: FeedOwner, format: FeedFormat = 'rss'): string {
  const page = feedPage(owner)
  return `${page === '/' ? '' : page}/${FEED_FORMATS[format].file}`
}

/** The format a feed route was asked for by its file name, or undefined. */
export function feedFormat(file: string): FeedFormat | undefined {
  return (Object.keys(FEED_FORMATS) as FeedFormat[]).find((format) => FEED_FORMATS[format].file === file)
}

/** Generated social cards: one per post without a usable cover, one for every other page. */
export const cardPath = {
  post: (slug: string) => `/og/${slug}.png`,
  site: '/og.png',
}

/** Where comments live: the API, a post's server-rendered comments page, the comment feeds, one comment's anchor. */
export const commentPaths = {
  api: '/api/comments',
  page: (post: Pick<Post, 'url'>) => `${post.url}/comments`,
  feed: '/comments.xml',
  postFeed: (post: Pick<Post, 'url'>) => `${post.url}/comments.xml`,
  anchor: (id: number) => `comment-${id}`,
}

/** The moderation pages: the queue, one post's comments, and the login's answers. */
export const adminPaths = {
  home: '/admin',
  post: (slug: string) => `/admin?post=${encodeURIComponent(slug)}`,
  login: (state: 'required' | 'refused' | 'failed' | 'locked', minutes?: number) =>
    `/admin?login=${state}${minutes === undefined ? '' : `&minutes=${minutes}`}`,
  health: '/api/health',
}

/** What list pages are made from: only the fields they need. */
export interface Lists<P> {
  postsPerPage: number
  posts: P[]
  categories: { slug: string; posts: P[] }[]
  tags: { slug: string; posts: P[] }[]
  series: { slug: string; posts: P[] }[]
  /** Authors with a page (content/authors/<id>.yaml). */
  byAuthor: { slug: string; posts: P[] }[]
}

/** A page that lists posts, with the posts it shows (its sitemap date is the newest of them). */
export interface ListPage<P> {
  path: string
  posts: P[]
  /** Which list and which page of it, for generateStaticParams. */
  list: { kind: 'home' } | { kind: TermKind | 'authors'; slug: string } | { kind: 'index' } | { kind: 'series'; slug: string }
  /** This page's number (from 1) and how many pages its list has. */
  page: number
  pages: number
}

/**
 * Every list page of the site, each once: the paginated home page, the indexes (archive,
 * categories, tags, series, authors), each category's, tag's and author's pages, each series. Indexes show every
 * post; a list always has its first page, even when empty.
 */
export function listPages<P>({ postsPerPage, posts, categories, tags, series, byAuthor }: Lists<P>): ListPage<P>[] {
  const pages: ListPage<P>[] = []
  const addPaged = (list: ListPage<P>['list'], base: (page: number) => string, items: P[]) => {
    const count = Math.max(1, Math.ceil(items.length / postsPerPage))
    for (let page = 1; page <= count; page++)
      pages.push({ path: base(page), posts: items.slice((page - 1) * postsPerPage, page * postsPerPage), list, page, pages: count })
  }
  addPaged({ kind: 'home' }, pagePath.home, posts)
  for (const path of [pagePath.archive, pagePath.terms('categories'), pagePath.terms('tags'), pagePath.allSeries, pagePath.authors])
    pages.push({ path, posts, list: { kind: 'index' }, page: 1, pages: 1 })
  for (const [kind, terms] of [
    ['categories', categories],
    ['tags', tags],
  ] as const) {
    for (const term of terms) addPaged({ kind, slug: term.slug }, (page) => pagePath.term(kind, term.slug, page), term.posts)
  }
  for (const entry of byAuthor) addPaged({ kind: 'authors', slug: entry.slug }, (page) => pagePath.author(entry.slug, page), entry.posts)
  for (const entry of series)
    pages.push({ path: pagePath.series(entry.slug), posts: entry.posts, list: { kind: 'series', slug: entry.slug }, page: 1, pages: 1 })
  return pages
}
