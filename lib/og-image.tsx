import fs from 'node:fs/promises'
import path from 'node:path'
import { ImageResponse } from 'next/og'
import satori from 'satori'

import { keyFor, readBytes, writeBytes } from './content/cache'
import { OG_SIZE } from './urls'

// Social cards, drawn at build time: satori lays the card out as an SVG and sharp (libvips, native)
// turns it into a PNG, as next/og does with resvg compiled to WebAssembly. Where sharp cannot load
// (a platform it has no binary for), next/og draws them. Fonts come from @fontsource/inter's .woff files
// (satori reads TTF, OTF and WOFF, not WOFF2), one file per script subset so titles in Latin,
// Cyrillic, Greek and Vietnamese all render with no download. Anything else would make next/og
// fetch a font or emoji images from the internet, which a build here cannot do.

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese']
const WEIGHTS = [400, 700] as const

// satori keeps one font per name, weight and style, so subsets sharing the name 'Inter' hid all but
// the first: Cyrillic, Greek and Vietnamese letters came out as "no glyph" boxes. Each subset has
// a name of its own, and the card names them all, in order.
const fontName = (subset: string) => `Inter-${subset}`
const FONT_FAMILY = SUBSETS.map(fontName).join(', ')

type Font = { name: string; data: ArrayBuffer; weight: 400 | 700; style: 'normal' }
let fonts: Promise<Font[]> | undefined

function loadFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    WEIGHTS.flatMap((weight) =>
      SUBSETS.map(async (subset) => {
        const file = path.join(
          /*turbopackIgnore: true*/ process.cwd(),
          'node_modules/@fontsource/inter/files',
          `inter-${subset}-${weight}-normal.woff`,
        )
        const data = await fs.readFile(file)
        return {
          name: fontName(subset),
          data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
          weight,
          style: 'normal' as const,
        }
      }),
    ),
  )
  return fonts
}

/** Emoji and pictographs need an emoji font, which next/og would download; the card leaves them out. */
export function withoutEmoji(text: string): string {
  return text
    .replace(/[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}]/gu, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
}

export interface CardText {
  /** The big line: a post's title, or the site's. */
  title: string
  /** The small line at the top: the site's name. */
  site: string
  /** The line at the bottom: a date, or the site's description. */
  footer?: string
}

// A card depends on its text, this file and the renderer: a new design or Next draws them anew.
const CARD_SOURCES = [
  'lib/og-image.tsx',
  'node_modules/next/package.json',
  'node_modules/satori/package.json',
  'node_modules/sharp/package.json',
  'node_modules/@fontsource/inter/package.json',
]

/**
 * A 1200×630 PNG card with the site's name, a title and a footer line. Drawing one takes about
 * 18 ms, so cards are kept on disk by their text: a rebuild draws only those that changed.
 */
export async function socialCard(card: CardText): Promise<Response> {
  return new Response(await socialCardPng(card), { headers: { 'content-type': 'image/png' } })
}

/** The card's PNG bytes, as socialCard answers them. */
export async function socialCardPng(card: CardText): Promise<Uint8Array<ArrayBuffer>> {
  const text = JSON.stringify([card.title, card.site, card.footer ?? null])
  let bytes = recent.get(text)
  if (!bytes) {
    const key = keyFor(CARD_SOURCES, text)
    const cached = key ? readBytes('og', key) : undefined
    bytes = cached ? new Uint8Array(cached) : await drawCard(card)
    if (key && !cached) writeBytes('og', key, bytes)
  }
  remember(text, bytes)
  return new Uint8Array(bytes)
}

/**
 * The cards a server answered last (about 40 KB each), newest last: where it draws cards on
 * request and has no disk cache (a standalone server ships without lib/, which the cache key
 * needs), a card asked for again is not drawn again.
 */
const recent = new Map<string, Uint8Array>()
const RECENT_CARDS = 64
function remember(text: string, bytes: Uint8Array) {
  recent.delete(text)
  recent.set(text, bytes)
  if (recent.size > RECENT_CARDS) recent.delete(recent.keys().next().value!)
}

type Sharp = (typeof import('sharp'))['default']
let sharp: Promise<Sharp | null> | undefined
const loadSharp = () =>
  (sharp ??= import('sharp').then(
    (module) => module.default,
    () => null,
  ))

/** The card as PNG bytes: with sharp where it loads, else with next/og. */
export async function drawCard(
  card: CardText,
  { rasterizer }: { rasterizer?: 'sharp' | 'next/og' } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const options = { ...OG_SIZE, fonts: await loadFonts() }
  const png = rasterizer === 'next/og' ? null : await loadSharp()
  const element = cardElement(card, { lineClamp: Boolean(png) })
  if (png)
    return new Uint8Array(
      await png(Buffer.from(await satori(element, options)))
        .png()
        .toBuffer(),
    )
  return new Uint8Array(await new ImageResponse(element, options).arrayBuffer())
}

/** The site's mark, as on icon.svg: a drop on a rounded square, drawn with boxes. */
const logo = (
  <div
    style={{
      display: 'flex',
      width: 52,
      height: 52,
      borderRadius: 11,
      background: '#2b2f6b',
      alignItems: 'center',
      justifyContent: 'center',
    }}
  >
    <div
      style={{
        display: 'flex',
        width: 21,
        height: 21,
        marginTop: 8,
        background: '#f4f1e8',
        borderRadius: '0 50% 50% 50%',
        transform: 'scaleY(1.2) rotate(45deg)',
      }}
    />
  </div>
)

/**
 * The card's layout. No inline SVG and no `overflow: hidden`: satori draws both through masks,
 * which librsvg fills pixel by pixel (11 of 29 ms a card). A long title ends in an ellipsis after
 * four lines (`lineClamp`); next/og's older satori knows no lineClamp and clips the box instead.
 */
function cardElement({ title, site, footer }: CardText, { lineClamp }: { lineClamp: boolean }) {
  const text = withoutEmoji(title)
  // Long titles get smaller type, so up to about four lines fit.
  const size = text.length > 90 ? 54 : text.length > 50 ? 64 : 76
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: '#fdfdfc',
        color: '#1c1c1f',
        fontFamily: FONT_FAMILY,
      }}
    >
      <div style={{ display: 'flex', height: 16, background: '#2b2f6b' }} />
      <div style={{ display: 'flex', flexDirection: 'column', flex: 1, padding: '56px 80px 64px' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34, color: '#5c5f66' }}>
          {logo}
          <span>{withoutEmoji(site)}</span>
        </div>
        <div style={{ display: 'flex', flex: 1, alignItems: 'center' }}>
          <div
            style={{
              fontSize: size,
              fontWeight: 700,
              lineHeight: 1.15,
              letterSpacing: '-0.02em',
              ...(lineClamp ? { lineClamp: 4 } : { maxHeight: size * 1.15 * 4, overflow: 'hidden' }),
            }}
          >
            {text}
          </div>
        </div>
        {footer ? <div style={{ display: 'flex', fontSize: 32, color: '#5c5f66' }}>{withoutEmoji(footer)}</div> : null}
      </div>
    </div>
  )
}
