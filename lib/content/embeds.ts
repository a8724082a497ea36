// What the embed components (<YouTube>, <Vimeo>, <Embed>, components/mdx) load, as data: they
// build their players and links from it, remark-embeds checks every use against it, and the
// loader lists the origins in use for the Content-Security-Policy. No Node imports: pages use it.
import type { FrameUse } from './mdx'
import type { Problem } from './problems'
import type { SiteConfig } from './schema'

/** A video provider: how its ids look, its privacy-enhanced player, and the page a link goes to. */
export interface VideoProvider {
  name: string
  /** The origin the player loads from. */
  origin: string
  id: RegExp
  /** What an id is, for messages. */
  idText: string
  player(id: string): string
  page(id: string): string
}

export const VIDEO_PROVIDERS = {
  // youtube-nocookie.com sets no cookies until the reader plays the video.
  YouTube: {
    name: 'YouTube',
    origin: 'https://www.youtube-nocookie.com',
    id: /^[A-Za-z0-9_-]{11}$/,
    idText: '11 letters, digits, - and _, as after v= in https://www.youtube.com/watch?v=…',
    player: (id) => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
    page: (id) => `https://www.youtube.com/watch?v=${id}`,
  },
  // dnt=1: Vimeo's player tracks no session data and sets no cookies.
  Vimeo: {
    name: 'Vimeo',
    origin: 'https://player.vimeo.com',
    id: /^\d{1,12}$/,
    idText: 'a number, as in https://vimeo.com/76979871',
    player: (id) => `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1`,
    page: (id) => `https://vimeo.com/${id}`,
  },
} satisfies Record<string, VideoProvider>

export type VideoComponent = keyof typeof VIDEO_PROVIDERS

/** A slide host that <Embed> knows without the site's allow-list, and the path its players have. */
export interface SlideHost {
  name: string
  origin: string
  path: RegExp
  /** What its player address looks like, for messages. */
  example: string
}

export const SLIDE_HOSTS: readonly SlideHost[] = [
  {
    name: 'Speaker Deck',
    origin: 'https://speakerdeck.com',
    path: /^\/player\/[A-Za-z0-9]+$/,
    example: 'https://speakerdeck.com/player/…',
  },
  {
    name: 'SlideShare',
    origin: 'https://www.slideshare.net',
    path: /^\/slideshow\/embed_code\/key\/[A-Za-z0-9]+$/,
    example: 'https://www.slideshare.net/slideshow/embed_code/key/…',
  },
  {
    name: 'Google Slides',
    origin: 'https://docs.google.com',
    path: /^\/presentation\/d\/(e\/)?[A-Za-z0-9_-]+\/(embed|pubembed)$/,
    example: 'https://docs.google.com/presentation/d/…/embed',
  },
]

/** The slide host of an address, if it is one of the built-in ones. */
export const slideHost = (src: string): SlideHost | undefined =>
  SLIDE_HOSTS.find((host) => URL.canParse(src) && new URL(src).origin === host.origin)

/**
 * The embed components and the prop that names what they frame: written as plain text in the
 * post, where the check reads it; an expression may not make one (see sandbox-runtime.ts).
 */
export const EMBED_COMPONENTS: Readonly<Record<string, string>> = { YouTube: 'id', Vimeo: 'id', Embed: 'src' }

/** Origins the embed components frame without the site's allow-list. */
export const BUILT_IN_FRAMES: readonly string[] = [...Object.values(VIDEO_PROVIDERS).map((p) => p.origin), ...SLIDE_HOSTS.map((h) => h.origin)]

/**
 * The origins a post's embeds frame, once each; an <Embed> on an origin that is neither built in
 * nor in site.yaml `embeds` is an error at its element.
 */
export function postFrames(frames: FrameUse[], site: Pick<SiteConfig, 'embeds'>, file: string, out: Problem[]): string[] {
  const allowed = new Set([...BUILT_IN_FRAMES, ...site.embeds])
  for (const { origin, line, column } of frames) {
    if (allowed.has(origin)) continue
    const message = `<Embed> loads a player from ${origin}, which is not an allowed embed origin (add it to content/site.yaml: embeds: [${origin}]; or link to it)`
    out.push({ severity: 'error', file, line, column, message })
  }
  return [...new Set(frames.map((f) => f.origin))].filter((origin) => allowed.has(origin))
}

/** Every origin the posts frame, sorted: the site's frame-src (see lib/security-headers.mjs). */
export const siteFrames = (posts: { frames: string[] }[]): string[] => [...new Set(posts.flatMap((post) => post.frames))].sort()
