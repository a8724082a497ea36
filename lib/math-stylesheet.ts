import fs from 'node:fs'
import path from 'node:path'

// KaTeX's stylesheet and fonts, served from the site's own origin (app/katex/) and linked only
// from pages that have a formula: every other page ships the CSS it did before math existed.

const DIST = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', 'katex', 'dist')

/** Where pages with a formula load the stylesheet from; its fonts are beside it, in fonts/. */
export const MATH_STYLESHEET = '/katex/katex.css'

// Ours, after KaTeX's: a display formula wider than the column scrolls in its own box (the box
// is what remark-math.ts wraps it in), never the page. A shade at an edge shows that there is
// more to scroll to: the page-coloured covers scroll with the formula and hide it at either end.
// A short inline formula and the punctuation after it (remark-math.ts) stay on one line.
const OURS = `
.math-display{overflow-x:auto;overflow-y:hidden;margin:1.5em 0;padding:.2em 0;background:linear-gradient(to right,var(--bg) 40%,transparent) left/1.5rem 100% no-repeat local,linear-gradient(to left,var(--bg) 40%,transparent) right/1.5rem 100% no-repeat local,radial-gradient(farthest-side at 0 50%,color-mix(in oklab,var(--fg) 22%,transparent),transparent) left/.6rem 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,color-mix(in oklab,var(--fg) 22%,transparent),transparent) right/.6rem 100% no-repeat scroll}
.math-display>.katex-display{margin:0}
.math-glued{white-space:nowrap}
`

/** KaTeX's stylesheet, asking for WOFF2 fonts only (every browser that runs the site reads them), then ours. */
export function mathStylesheet(): string {
  const css = fs.readFileSync(path.join(DIST, 'katex.min.css'), 'utf8')
  return css.replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, '') + OURS
}

/** The font files the stylesheet names. */
export function mathFonts(): string[] {
  return fs.readdirSync(path.join(DIST, 'fonts')).filter((name) => name.endsWith('.woff2'))
}

/** One font file, if it is one of mathFonts(). */
export function mathFont(name: string): Buffer | undefined {
  return mathFonts().includes(name) ? fs.readFileSync(path.join(DIST, 'fonts', name)) : undefined
}
