import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { drawCard } from '@/lib/og-image'

const card = { title: 'Ünïcode, Кириллица, Ελληνικά and Tiếng Việt in one long title that wraps', site: 'Inkwell', footer: 'March 3, 2026' }

async function pixels(png: Uint8Array) {
  const image = sharp(png)
  const { width, height, format } = await image.metadata()
  const raw = await image.removeAlpha().raw().toBuffer()
  return { width, height, format, raw }
}

/** How many bytes of two cards' pixels differ. */
function differingBytes(a: Awaited<ReturnType<typeof pixels>>, b: Awaited<ReturnType<typeof pixels>>) {
  let differing = 0
  for (let i = 0; i < a.raw.length; i++) if (a.raw[i] !== b.raw[i]) differing++
  return differing
}

/** Each band of rows with dark pixels (text) right of the logo: its top, bottom, left and right. */
function textLines({ raw, width = 0, height = 0 }: Awaited<ReturnType<typeof pixels>>) {
  const dark = (x: number, y: number) => raw[(y * width + x) * 3]! < 128
  const lines: number[][] = []
  for (let y = 20; y < height; y++) {
    let left = -1
    let right = -1
    for (let x = 150; x < width; x++)
      if (dark(x, y)) {
        if (left < 0) left = x
        right = x
      }
    const last = lines.at(-1)
    if (left < 0) continue
    if (last && last[1] === y - 1) {
      last[1] = y
      last[2] = Math.min(last[2]!, left)
      last[3] = Math.max(last[3]!, right)
    } else lines.push([y, y, left, right])
  }
  return lines
}

describe('social cards', () => {
  it('draws the same 1200×630 PNG with sharp as next/og does', async () => {
    const fast = await pixels(await drawCard(card))
    const reference = await pixels(await drawCard(card, { rasterizer: 'next/og' }))
    expect([fast.format, fast.width, fast.height]).toEqual(['png', 1200, 630])
    expect([reference.format, reference.width, reference.height]).toEqual(['png', 1200, 630])
    // next/og bundles an older satori, which rounds positions and letter spacing a little
    // differently: each line of text is where it is in the other within 2 px, and as wide within
    // 6 px (a title line in another font or size is tens of pixels off).
    const a = textLines(fast)
    const b = textLines(reference)
    expect(a.length).toBeGreaterThanOrEqual(5) // the site's name, three lines of title (and accents above them), the date
    expect(b).toHaveLength(a.length)
    a.forEach((line, i) => line.forEach((edge, j) => expect(Math.abs(edge - b[i]![j]!)).toBeLessThanOrEqual(j < 2 ? 2 : 6)))
  })

  it.each(['sharp', 'next/og'] as const)('keeps a long title to four lines (%s)', async (rasterizer) => {
    const title = Array.from({ length: 12 }, (_, i) => `words of a title that goes on, part ${i + 1}`).join(' ')
    const lines = textLines(await pixels(await drawCard({ ...card, title }, { rasterizer })))
    // The site's name, four lines of title, the date: nothing runs into the date.
    expect(lines).toHaveLength(6)
    expect(lines.at(-2)![1]).toBeLessThan(lines.at(-1)![0]! - 40)
  })

  // A missing font draws every letter as the same "no glyph" box, so two different words of one
  // script would make the same card.
  it.each([
    ['Cyrillic', 'Дождь', 'Жизнь'],
    ['Greek', 'Λόγος', 'Πόλις'],
    ['Vietnamese', 'Hướng', 'Hưởng'],
  ])('has the letters of %s', async (_script, one, other) => {
    const a = await pixels(await drawCard({ ...card, title: one }))
    const b = await pixels(await drawCard({ ...card, title: other }))
    expect(differingBytes(a, b)).toBeGreaterThan(100)
  })

  it('draws the text: a different title is a different card', async () => {
    const a = await pixels(await drawCard(card))
    const b = await pixels(await drawCard({ ...card, title: 'Another title' }))
    expect(differingBytes(a, b) / a.raw.length).toBeGreaterThan(0.01)
  })
})
