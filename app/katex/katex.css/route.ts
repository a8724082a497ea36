import { mathStylesheet } from '@/lib/math-stylesheet'

// KaTeX's stylesheet, for pages with a formula (lib/math-stylesheet.ts); a plain file in an export.
export const dynamic = 'force-static'

export function GET() {
  return new Response(mathStylesheet(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } })
}
