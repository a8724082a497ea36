import { compile } from '@mdx-js/mdx'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { compileSettings } from './mdx'
import { recmaSandbox } from './remark/guard'
import { evaluatePost } from './run'

/**
 * Markdown as a `.md` post reads and renders it, without Inkwell's own steps (heading ids,
 * figures, alerts, highlighting, image sizes): the same parse and compile settings
 * (compileSettings), run with the same runtime and rendered by React, with no components. For the
 * CommonMark conformance test (tests/lib/content/commonmark.test.ts).
 */
export async function renderMarkdown(markdown: string): Promise<string> {
  const code = String(await compile(markdown, compileSettings('md', { recma: [recmaSandbox] })))
  return renderToStaticMarkup(createElement(evaluatePost(code, {})))
}
