import { mathFont, mathFonts } from '@/lib/math-stylesheet'

// KaTeX's fonts, which its stylesheet loads from beside it; plain files in an export.
export const dynamic = 'force-static'
export const dynamicParams = false

export function generateStaticParams() {
  return mathFonts().map((font) => ({ font }))
}

export async function GET(_request: Request, { params }: RouteContext<'/katex/fonts/[font]'>) {
  const font = mathFont((await params).font)
  if (!font) return new Response('Not found', { status: 404 })
  return new Response(new Uint8Array(font), { headers: { 'Content-Type': 'font/woff2' } })
}
