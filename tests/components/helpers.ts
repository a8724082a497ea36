import type { z } from 'zod'

import type { Post, SiteConfig } from '@/lib/content'
import { siteSchema } from '@/lib/content/schema'
import { termLinks } from '@/lib/content/taxonomy'

// Test data for components that take a site or a post: a site.yaml validated by the real schema
// (its defaults filled in), and a post with every field a page reads.

/** A site config as site.yaml would give it, with `fields` on top. */
export function testSite(fields: Partial<z.input<typeof siteSchema>> = {}): SiteConfig {
  return siteSchema.parse({ title: 'Inkwell notes', description: 'Notes.', url: 'https://blog.example', author: 'ada', ...fields })
}

/** A published post at /posts/<slug>, with `fields` on top; its term links follow its categories and tags. */
export function testPost(slug: string, fields: Partial<Post> = {}): Post {
  const { categories = [], tags = [] } = fields
  const author = fields.author ?? { name: 'Ada Lovelace', links: [] }
  return {
    slug,
    url: `/posts/${slug}`,
    file: `/site/content/posts/${slug}.mdx`,
    title: `Post ${slug}`,
    date: new Date('2025-03-10T09:00:00Z'),
    summary: `Summary of ${slug}.`,
    author,
    authors: fields.authors ?? [author],
    categories: [],
    tags: [],
    aliases: [],
    draft: false,
    toc: true,
    readingMinutes: 4,
    words: 800,
    headings: [],
    code: '',
    math: false,
    frames: [],
    assets: [],
    extra: {},
    related: [],
    terms: { categories: termLinks('categories', categories), tags: termLinks('tags', tags) },
    ...fields,
  }
}
