// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { PostBody } from '@/components/post-body'
import { compilePost } from '@/lib/content/mdx'

// A post compiled as lib/content compiles it, then rendered by PostBody on the page.
const body = `## Setup

<Admonition type="warning" title="Careful">Back up first.</Admonition>

\`\`\`ts title="sum.ts"
const a = 1
const b = a + 1 // <b>
\`\`\`

| Year | Talks |
| ---- | ----- |
| 2019 | {6 * 7} |

- [x] Written
- [ ] Reviewed
`

let code: string

beforeAll(async () => {
  // Shiki inflates its WebAssembly through Blob.stream(), which jsdom's Blob lacks.
  vi.stubGlobal('Blob', NodeBlob)
  try {
    const compiled = await compilePost(body, {
      file: '/site/posts/a.mdx',
      dir: '/site/posts',
      assetBase: '/posts/a',
      publicDir: '/site/public',
    })
    expect(compiled.problems).toEqual([])
    code = compiled.code
  } finally {
    vi.unstubAllGlobals()
  }
})

const writeText = vi.fn(async (_text: string) => {})

beforeAll(() => {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
})

afterAll(() => {
  Reflect.deleteProperty(navigator, 'clipboard')
})

afterEach(cleanup)

describe('PostBody', () => {
  it('renders the post with the component registry', () => {
    render(<PostBody code={code} />)
    expect(screen.getByRole('heading', { level: 2, name: /Setup/ }).id).toBe('setup')
    const note = screen.getByRole('note')
    expect([note.dataset.type, note.querySelector('.admonition-title')?.textContent]).toEqual(['warning', 'Careful'])
    expect(within(screen.getByRole('region', { name: 'Table' })).getByRole('table')).toBeTruthy()
    expect(screen.getAllByRole('cell').map((td) => td.textContent)).toEqual(['2019', '42'])
    expect(screen.getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Done', 'Not done'])
  })

  it('gives code blocks their title, language and a copy button that copies exactly the code', async () => {
    render(<PostBody code={code} />)
    const figure = screen.getByRole('figure')
    expect(figure.querySelector('.code-title')?.textContent).toBe('sum.ts')
    expect(figure.querySelector('.code-language')?.textContent).toBe('ts')
    await act(async () => {
      fireEvent.click(within(figure).getByRole('button', { name: 'Copy code' }))
    })
    expect(writeText).toHaveBeenCalledExactlyOnceWith('const a = 1\nconst b = a + 1 // <b>')
  })

  it('keeps the rendered post on a re-render instead of remounting it (the copy button keeps its state)', async () => {
    const { rerender } = render(<PostBody code={code} />)
    const note = screen.getByRole('note')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy code' }))
    })
    rerender(<PostBody code={code} />)
    expect(screen.getByRole('note')).toBe(note)
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy()
  })
})
