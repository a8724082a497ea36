import { pagePath } from '../routes'
import { authorFor } from './authors'
import { parseDate, toOffsetDateTime } from './dates'
import { postFrames } from './embeds'
import { resolveImage, type Asset } from './images'
import type { Post } from './load'
import type { CompiledPost } from './mdx'
import type { ParsedPost } from './parse'
import { imageOptions, type PostEnv } from './post-env'
import type { Problem } from './problems'

const WORDS_PER_MINUTE = 230
const SUMMARY_LENGTH = 240

/**
 * The Post that a parsed and compiled post makes: dates read in the site's time zone, its cover,
 * summary, author and reading time. Undefined when its frontmatter or its date is unusable.
 */
export function derivePost(parsed: ParsedPost, compiled: CompiledPost, env: PostEnv, out: Problem[]): Post | undefined {
  const { file, slug, frontmatter } = parsed
  const data = frontmatter.data
  if (!data) return undefined
  const { date, updated } = postDates(parsed, env.site.timeZone, out)
  const cover = postCover(parsed, env, out)
  if (!date) return undefined
  if (!data.summary && compiled.summaryGap) {
    const message = 'the first paragraph, used as the summary, has an expression that a plain-text summary leaves out (write summary: "…" in the frontmatter)'
    out.push({ severity: 'warning', file, ...compiled.summaryGap, message })
  }
  const { date: _d, updated: _u, author, summary, cover: _c, ...rest } = data
  return {
    ...rest,
    slug,
    url: pagePath.post(slug),
    file,
    date,
    updated,
    summary: summary ?? summarize(compiled.firstParagraph),
    author: author ? authorFor(env.authors, author[0]!) : env.defaultAuthor,
    authors: author ? [...new Set(author.map((a) => authorFor(env.authors, a)))] : [env.defaultAuthor],
    cover,
    unpublished: data.draft ? 'draft' : date > env.options.now ? 'scheduled' : undefined,
    readingMinutes: Math.max(1, Math.round(compiled.words / WORDS_PER_MINUTE)),
    words: compiled.words,
    headings: compiled.headings,
    code: compiled.code,
    codeKey: compiled.codeKey,
    math: compiled.math,
    frames: postFrames(compiled.frames, env.site, file, out),
    assets: cover && !compiled.assets.some((a) => a.file === cover.file) ? [...compiled.assets, cover] : compiled.assets,
    extra: frontmatter.extra,
    related: [],
    // Filled in with the canonical spellings once every post's terms are known.
    terms: { categories: [], tags: [] },
  }
}

/** `date` and `updated` as instants; an update before the date is an error. */
function postDates({ file, frontmatter }: ParsedPost, timeZone: string, out: Problem[]): { date?: Date; updated?: Date } {
  const data = frontmatter.data!
  const dateOf = (key: 'date' | 'updated'): Date | undefined => {
    const text = data[key]
    if (text === undefined) return undefined
    const parsed = parseDate(text, timeZone)
    if (typeof parsed !== 'string') return parsed
    out.push({ severity: 'error', file, ...frontmatter.locate([key]), message: `${key} "${text}" ${parsed} (write ${key}: 2025-03-21 or ${key}: 2025-03-21T09:00:00+01:00)` })
    return undefined
  }
  const date = dateOf('date')
  const updated = dateOf('updated')
  // `updated: 2025-03-21` on a post dated 2025-03-21T09:00 is a same-day update, not an error.
  const updatedDay = data.updated && /^\d{4}-\d{2}-\d{2}$/.test(data.updated.trim())
  const tooEarly = date && updated && (updatedDay ? data.updated!.trim() < toOffsetDateTime(date, timeZone).slice(0, 10) : updated < date)
  if (tooEarly) {
    out.push({ severity: 'error', file, ...frontmatter.locate(['updated']), message: `updated (${data.updated}) is before date (${data.date}) (fix one of the two)` })
  }
  return { date, updated }
}

/** The cover image, which must be a file next to the post. */
function postCover({ file, slug, frontmatter }: ParsedPost, env: PostEnv, out: Problem[]): Asset | undefined {
  const cover = frontmatter.data?.cover
  if (!cover) return undefined
  const resolved = resolveImage(cover, imageOptions({ file, slug }, env))
  if (resolved && typeof resolved !== 'string') return resolved
  const message = resolved ? `cover ${resolved}` : 'cover must be an image next to the post (write cover: ./cover.webp)'
  out.push({ severity: 'error', file, ...frontmatter.locate(['cover']), message })
  return undefined
}

/** The first paragraph as a summary: cut at a word before SUMMARY_LENGTH, with an ellipsis. */
function summarize(text: string): string {
  if (text.length <= SUMMARY_LENGTH) return text
  const cut = text.slice(0, SUMMARY_LENGTH)
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:.]+$/, '')}…`
}
