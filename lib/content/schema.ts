import { z } from 'zod'

// The shapes of everything an author writes by hand. Messages for bad values are built in
// frontmatter.ts from zod's issues plus each field's `example`, so the example that editors see
// in the JSON schema is also the fix the author is told to write.

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/

const text = () => z.string().trim().min(1)
const date = () => z.string().regex(DATE_TEXT)
// Limits keep one runaway field (a 200 KB title runs next build out of memory) from reaching every page.
const names = () => z.union([text().max(100), z.array(text().max(100)).max(100)]).transform((v) => (typeof v === 'string' ? [v] : v))

/** Post frontmatter, as written in the YAML block at the top of a post. */
export const frontmatterSchema = z.object({
  title: text().max(300).meta({ description: 'Title of the post.', example: 'title: "Velocity Berlin 2019, part 2"' }),
  date: date().meta({
    description: 'Publication date: a date (that day in the site time zone) or a date-time with offset.',
    example: 'date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00',
  }),
  updated: date()
    .optional()
    .meta({ description: 'Date of the last significant update.', example: 'updated: 2025-04-02' }),
  summary: text()
    .max(1000)
    .optional()
    .meta({ description: 'One sentence for lists and feeds; default: the first paragraph.', example: 'summary: "One sentence."' }),
  author: z
    .union([text().max(200), z.array(text().max(200)).min(1).max(20)])
    .transform((v) => (typeof v === 'string' ? [v] : v))
    .optional()
    .meta({
      description: 'An id from content/authors/<id>.yaml, a plain name or an email address; a list for co-authors.',
      example: 'author: bas or author: [bas, noor]',
    }),
  categories: names()
    .default([])
    .meta({ description: 'Category names: a list or a single name.', example: 'categories: [Conferences]' }),
  tags: names()
    .default([])
    .meta({ description: 'Tag names: a list or a single name.', example: 'tags: [velocity, sre]' }),
  series: text()
    .max(100)
    .optional()
    .meta({ description: 'Name of the series this post belongs to.', example: 'series: "Velocity Berlin 2019"' }),
  seriesPart: z
    .int()
    .positive()
    .optional()
    .meta({ description: 'Position in the series; default: date order.', example: 'seriesPart: 2' }),
  draft: z.boolean().default(false).meta({ description: 'Hide from production builds.', example: 'draft: true' }),
  toc: z.boolean().default(true).meta({ description: 'Show the table of contents.', example: 'toc: false' }),
  cover: text()
    .max(500)
    .optional()
    .meta({ description: 'A co-located cover image.', example: 'cover: ./cover.webp' }),
  aliases: z
    .array(z.string().regex(/^\/[^\s]*$/).max(500))
    .max(100)
    .default([])
    .meta({ description: 'Old URL paths that redirect to this post.', example: 'aliases: ["/2019/11/velocity-day-2/"]' }),
  comments: z
    .boolean()
    .optional()
    .meta({ description: 'Open (true) or close (false) comments on this post; default: the site setting.', example: 'comments: false' }),
})

export type Frontmatter = z.infer<typeof frontmatterSchema>
export const FRONTMATTER_KEYS = Object.keys(frontmatterSchema.shape) as (keyof Frontmatter)[]

const link = z.object({ label: text(), href: text() })

/** content/site.yaml: the one place a site is configured. */
export const siteSchema = z
  .object({
    title: text().meta({ example: 'title: "My blog"' }),
    description: text().meta({ example: 'description: "Notes on building things."' }),
    url: z.url({ protocol: /^https?$/ }).meta({ example: 'url: https://blog.example.com' }),
    language: text().default('en').meta({ example: 'language: en' }),
    timeZone: text().default('UTC').meta({ example: 'timeZone: Europe/Amsterdam' }),
    author: text().meta({ example: 'author: bas' }),
    postsPerPage: z.int().min(1).max(100).default(10).meta({ example: 'postsPerPage: 10' }),
    feedItems: z.int().min(1).max(1000).default(20).meta({ example: 'feedItems: 20' }),
    nav: z.array(link).default([]).meta({ example: 'nav: [{ label: Archive, href: /archive }]' }),
    copyright: text().optional().meta({ example: 'copyright: "© 2026 Bas"' }),
    trustedCode: z.boolean().default(false).meta({
      description:
        'Let post expressions and exports run as ordinary JavaScript on the build machine, with full access to it. Only for sites whose every post is written by people you trust with a shell.',
      example: 'trustedCode: true',
    }),
    comments: z
      .object({
        enabled: z.boolean().default(true).meta({ description: 'Comments open on posts unless a post says comments: false.', example: 'enabled: true' }),
        moderation: z
          .enum(['all', 'first-time', 'none'])
          .default('first-time')
          .meta({ description: 'Which comments wait for approval: all, first-time (a name and website approved once are trusted) or none.', example: 'moderation: first-time' }),
        endpoint: z
          .url({ protocol: /^https?$/ })
          .optional()
          .meta({ description: 'In a static export: the Inkwell server that stores comments; without it an export shows no comment section.', example: 'endpoint: https://comments.example.com' }),
      })
      .strict()
      .default({ enabled: true, moderation: 'first-time' })
      .meta({ example: 'comments: { moderation: first-time }' }),
    embeds: z
      .array(
        z
          .url({ protocol: /^https$/ })
          .refine((url) => URL.canParse(url) && new URL(url).origin === url.replace(/\/$/, ''), 'an origin: https:// and a host name, with no path')
          .transform((url) => new URL(url).origin),
      )
      .default([])
      .meta({
        description:
          'Origins that <Embed src="…"> may load a player from, besides the built-in slide hosts (Speaker Deck, SlideShare, Google Slides). Each one frames pages of that origin, with their scripts, once a reader clicks; the Content-Security-Policy allows the ones posts use.',
        example: 'embeds: [https://slides.example.com]',
      }),
    trustedHtml: z.boolean().default(false).meta({
      description:
        'Let posts carry any HTML, scripts, iframes and event handlers included. Only for sites whose every post is written by people you trust with the site itself.',
      example: 'trustedHtml: true',
    }),
  })
  .strict()

export type SiteConfig = z.infer<typeof siteSchema>

/** content/authors/<id>.yaml */
export const authorSchema = z
  .object({
    name: text().meta({ example: 'name: "Bas de Vries"' }),
    bio: text().optional().meta({ example: 'bio: "Writes about operations."' }),
    avatar: text().optional().meta({ example: 'avatar: https://example.com/bas.jpg' }),
    links: z.array(link).default([]).meta({ example: 'links: [{ label: Mastodon, href: https://… }]' }),
    email: z
      .email()
      .optional()
      .meta({ description: 'Posts whose author is this address are theirs. Never shown unless showEmail is true.', example: 'email: bas@example.com' }),
    showEmail: z.boolean().default(false).meta({ description: 'Show the email address on the author page and in feeds.', example: 'showEmail: true' }),
  })
  .strict()

export type AuthorFile = z.infer<typeof authorSchema>
