import spec from 'commonmark-spec'
import { describe, expect, test } from 'vitest'
import { renderMarkdown } from '@/lib/content/markdown'
import { normalizeHtml } from './commonmark-normalize'

// Every example of the CommonMark spec (npm commonmark-spec 0.31.2), read and rendered exactly as a
// `.md` post is (renderMarkdown: the posts' parse and compile settings, their runtime, React),
// without Inkwell's own steps after the parse (heading ids, figures, highlighting), which change
// the HTML on purpose. The spec writes tabs as →. HTML is compared normalized (commonmark-normalize.ts).

const COMMENT = 'HTML comments are not kept: a post renders through React, which cannot write one (nothing visible is lost)'
const CONVERTED = 'the HTML parser reads it as a comment, so it goes as comments do (the text around it is kept)'
const GFM = 'GitHub autolinks: a bare URL or email address becomes a link (GFM changes CommonMark here)'

/** The examples that do not render as the spec says, each with why. A fix shows up here as much as a regression. */
const KNOWN_FAILURES: Record<number, string> = {
  177: COMMENT,
  179: COMMENT,
  180: `<?php … ?>: ${CONVERTED}`,
  182: `<![CDATA[ … ]]>: ${CONVERTED}`,
  183: COMMENT,
  308: COMMENT,
  309: COMMENT,
  602: GFM,
  606: GFM,
  608: GFM,
  611: GFM,
  612: GFM,
  625: COMMENT,
  626: COMMENT,
  627: `<?php … ?>: ${CONVERTED}`,
  628: `<!ELEMENT …>: ${CONVERTED}`,
  629: `<![CDATA[ … ]]>: ${CONVERTED}`,
}

const examples = spec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t'), html: t.html.replace(/→/g, '\t') }))

async function passes(example: (typeof examples)[number]): Promise<boolean> {
  return normalizeHtml(await renderMarkdown(example.markdown)) === normalizeHtml(example.html)
}

describe('CommonMark conformance of .md posts', () => {
  test('all but the known failures pass', { timeout: 120_000 }, async () => {
    const failing: number[] = []
    for (const example of examples) if (!(await passes(example))) failing.push(example.number)
    expect(examples.length).toBe(652)
    // Exactly the known ones: a new failure is a regression, a missing one a fix to record here.
    expect(failing).toEqual(Object.keys(KNOWN_FAILURES).map(Number))
    expect(examples.length - failing.length).toBeGreaterThanOrEqual(635)
  })

  test('the normalization tells different HTML apart', () => {
    expect(normalizeHtml('<p>a  <em>b</em></p>\n')).toBe(normalizeHtml('<p>a <em>b</em></p>'))
    expect(normalizeHtml('<p title="x" id="y">a</p>')).toBe(normalizeHtml("<p id='y' title=x>a</p>"))
    expect(normalizeHtml('<p>a</p>')).not.toBe(normalizeHtml('<p>a </p><p></p>'))
    expect(normalizeHtml('<p><!-- c --></p>')).not.toBe(normalizeHtml('<p></p>'))
    expect(normalizeHtml('<pre><code>a  b\n</code></pre>')).not.toBe(normalizeHtml('<pre><code>a b\n</code></pre>'))
  })
})
