// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { CodeBlock } from '@/components/mdx/code-block'

afterEach(cleanup)

/** A code block as rehype-pretty-code writes it: <figure> with an optional title and a <pre>. */
function prettyCode({ language, title }: { language?: string; title?: string }) {
  return (
    <CodeBlock data-rehype-pretty-code-figure="" id="block">
      {title ? (
        <figcaption data-rehype-pretty-code-title="" data-language={language}>
          {title}
        </figcaption>
      ) : null}
      <pre data-language={language} tabIndex={0}>
        <code>const a = 1</code>
      </pre>
    </CodeBlock>
  )
}

describe('CodeBlock', () => {
  it('gives a code block a bar with its title, its language and a copy button, above the code', () => {
    const { container } = render(prettyCode({ language: 'ts', title: 'app.ts' }))
    const figure = screen.getByRole('figure')
    expect(figure.className).toBe('code-block')
    expect(figure.id).toBe('block')
    expect([...figure.children].map((c) => c.tagName)).toEqual(['FIGCAPTION', 'DIV', 'PRE'])
    expect(figure.querySelector('figcaption.code-title')?.textContent).toBe('app.ts')
    expect(figure.querySelector('.code-tools .code-language')?.textContent).toBe('ts')
    expect(screen.getByRole('button', { name: 'Copy code' }).closest('.code-tools')).not.toBeNull()
    expect(container.querySelector('pre code')?.textContent).toBe('const a = 1')
  })

  it('has no title without one', () => {
    render(prettyCode({ language: 'ts' }))
    expect(screen.getByRole('figure').querySelector('figcaption')).toBeNull()
  })

  it.each(['plaintext', 'text', 'txt', 'plain'])('does not label the language "%s"', (language) => {
    render(prettyCode({ language }))
    expect(screen.getByRole('figure').querySelector('.code-language')).toBeNull()
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeTruthy()
  })

  it('has no language label when the code has no language', () => {
    render(prettyCode({}))
    expect(screen.getByRole('figure').querySelector('.code-language')).toBeNull()
  })

  it('passes any other figure through as it is, without a copy button', () => {
    render(
      <CodeBlock className="figure">
        <img src="/a.png" alt="A" />
        <figcaption>Caption</figcaption>
      </CodeBlock>,
    )
    const figure = screen.getByRole('figure')
    expect(figure.className).toBe('figure')
    expect([...figure.children].map((c) => c.tagName)).toEqual(['IMG', 'FIGCAPTION'])
    expect(figure.querySelector('figcaption')?.textContent).toBe('Caption')
    expect(screen.queryByRole('button')).toBeNull()
  })
})
