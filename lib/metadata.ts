import type { Metadata } from 'next'

import { contentOptions, getContent, type Author, type Post, type SiteConfig } from './content'
import { FEED_FORMATS, feedPath, pagePath, type FeedFormat, type FeedOwner } from './routes'
import { absoluteUrl, lastChanged, SITE_IMAGE, socialImage } from './urls'

// Every page's <head> comes from here: title, description, canonical URL, OpenGraph, Twitter
// card and feed links, all absolute on the site URL. Next merges metadata one key deep (a page's
// `openGraph` replaces the layout's whole), so each function returns complete objects.

/** A feed to announce in a page's head, besides the site's: in every format. */
export interface FeedLink {
  title: string
  owner: FeedOwner
}

export interface PageInfo {
  /** Shown as "title · site"; the home page has none and shows the site's title alone. */
  title?: string
  description?: string
  /** The page's own path: its canonical URL. */
  path: string
  /** Feeds of this page (a category's, a series'), announced after the site feed. */
  feeds?: FeedLink[]
}

/** OpenGraph locales are written en_GB; sites configure languages as en-GB. */
const ogLocale = (language: string) => language.replace('-', '_')

/** Autodiscovery links: the site's feeds and the page's own, in RSS, Atom and JSON Feed. */
function feedAlternates(site: SiteConfig, feeds: FeedLink[] = []) {
  const all: FeedLink[] = [{ title: site.title, owner: { kind: 'site' } }, ...feeds]
  return Object.fromEntries(
    (Object.keys(FEED_FORMATS) as FeedFormat[]).map((format) => [
      FEED_FORMATS[format].type,
      // RSS, the one most readers pick, keeps the plain title.
      all.map((feed) => ({
        title: format === 'rss' ? feed.title : `${feed.title} (${FEED_FORMATS[format].label})`,
        url: absoluteUrl(site.url, feedPath(feed.owner, format)),
      })),
    ]),
  )
}

/** The layout's metadata: defaults every page starts from. */
export async function siteMetadata(): Promise<Metadata> {
  const { site } = await getContent()
  const image = { url: absoluteUrl(site.url, SITE_IMAGE.path), width: SITE_IMAGE.width, height: SITE_IMAGE.height, alt: site.title }
  return {
    metadataBase: new URL(site.url),
    title: { default: site.title, template: `%s · ${site.title}` },
    description: site.description,
    alternates: { types: feedAlternates(site) },
    openGraph: {
      type: 'website',
      siteName: site.title,
      locale: ogLocale(site.language),
      title: site.title,
      description: site.description,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: site.title, description: site.description, images: [image.url] },
    // A preview build (INKWELL_DRAFTS=1) shows unpublished posts: keep all of it out of search engines.
    robots: contentOptions().includeDrafts ? { index: false, follow: false } : undefined,
  }
}

/** Metadata of a page that is not a post: a list, an index, a series, /about. */
export async function pageMetadata({ title, description, path, feeds }: PageInfo): Promise<Metadata> {
  const { site } = await getContent()
  const url = absoluteUrl(site.url, path)
  const text = description ?? site.description
  const image = { url: absoluteUrl(site.url, SITE_IMAGE.path), width: SITE_IMAGE.width, height: SITE_IMAGE.height, alt: site.title }
  return {
    title: title ?? { absolute: site.title },
    description: text,
    alternates: { canonical: url, types: feedAlternates(site, feeds) },
    openGraph: {
      type: 'website',
      url,
      siteName: site.title,
      locale: ogLocale(site.language),
      title: title ?? site.title,
      description: text,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: title ?? site.title, description: text, images: [image.url] },
  }
}

/** Metadata of a post: an OpenGraph article with its dates, tags and image (the cover, else the generated card). */
export async function postMetadata(post: Post): Promise<Metadata> {
  const { site } = await getContent()
  const url = absoluteUrl(site.url, post.url)
  const social = socialImage(post)
  const image = { url: absoluteUrl(site.url, social.path), width: social.width, height: social.height, alt: post.title }
  return {
    title: post.title,
    description: post.summary,
    authors: post.authors.map((author) => ({
      name: author.name,
      ...(author.id ? { url: absoluteUrl(site.url, pagePath.author(author.id)) } : {}),
    })),
    alternates: { canonical: url, types: feedAlternates(site) },
    openGraph: {
      type: 'article',
      url,
      siteName: site.title,
      locale: ogLocale(site.language),
      title: post.title,
      description: post.summary,
      publishedTime: post.date.toISOString(),
      modifiedTime: lastChanged(post).toISOString(),
      authors: post.authors.map((author) => author.name),
      section: post.categories[0],
      tags: post.tags,
      images: [image],
    },
    twitter: { card: 'summary_large_image', title: post.title, description: post.summary, images: [image.url] },
    // Drafts only exist in dev and previews; keep shared previews out of search engines.
    robots: post.unpublished ? { index: false, follow: false } : undefined,
  }
}

/** JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped so no text can close the script. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** schema.org Person of an author: their page here when they have one, and their links elsewhere. */
export function personJsonLd(site: SiteConfig, author: Author): Record<string, unknown> {
  const links = author.links.map((link) => link.href).filter((href) => /^https?:/.test(href))
  const page = author.id ? absoluteUrl(site.url, pagePath.author(author.id)) : undefined
  return {
    '@type': 'Person',
    ...(page ? { '@id': `${page}#person` } : {}),
    name: author.name,
    ...(page ? { url: page } : links.length ? { url: links[0] } : {}),
    ...(links.length ? { sameAs: links } : {}),
  }
}

/** schema.org BlogPosting of a post. */
export function postJsonLd(site: SiteConfig, post: Post): Record<string, unknown> {
  const url = absoluteUrl(site.url, post.url)
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    '@id': url,
    url,
    mainEntityOfPage: url,
    headline: post.title,
    description: post.summary,
    datePublished: post.date.toISOString(),
    dateModified: lastChanged(post).toISOString(),
    inLanguage: site.language,
    author: post.authors.map((author) => personJsonLd(site, author)),
    image: absoluteUrl(site.url, socialImage(post).path),
    ...(post.categories.length ? { articleSection: post.categories } : {}),
    ...(post.tags.length ? { keywords: post.tags } : {}),
    wordCount: post.words,
    isPartOf: { '@type': 'Blog', '@id': absoluteUrl(site.url, pagePath.home()), name: site.title },
  }
}

/** schema.org Blog of the home page, with its newest posts. */
export function blogJsonLd(site: SiteConfig, author: Author, posts: Post[]): Record<string, unknown> {
  const url = absoluteUrl(site.url, pagePath.home())
  return {
    '@context': 'https://schema.org',
    '@type': 'Blog',
    '@id': url,
    url,
    name: site.title,
    description: site.description,
    inLanguage: site.language,
    author: personJsonLd(site, author),
    image: absoluteUrl(site.url, SITE_IMAGE.path),
    blogPost: posts.map((post) => ({
      '@type': 'BlogPosting',
      '@id': absoluteUrl(site.url, post.url),
      url: absoluteUrl(site.url, post.url),
      headline: post.title,
      datePublished: post.date.toISOString(),
    })),
  }
}
