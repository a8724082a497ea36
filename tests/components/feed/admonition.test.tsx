// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { FeedAdmonition } from '@/components/feed/admonition'

afterEach(cleanup)

describe('FeedAdmonition', () => {
  it('is a quote led by the type name in bold, with no icon', () => {
    const { container } = render(
      <FeedAdmonition type="warning">
        <p>Back up first.</p>
      </FeedAdmonition>,
    )
    expect(container.innerHTML).toBe('<blockquote><p><strong>Warning</strong></p><p>Back up first.</p></blockquote>')
  })

  it('is a note when no type is given', () => {
    const { container } = render(<FeedAdmonition>Text</FeedAdmonition>)
    expect(container.querySelector('strong')?.textContent).toBe('Note')
  })

  it('leads with the type and the custom title, so the type keeps its meaning', () => {
    const { container } = render(<FeedAdmonition type="warning" title="Back up first" />)
    expect(container.innerHTML).toBe('<blockquote><p><strong>Warning: Back up first</strong></p></blockquote>')
  })

  it('is never folded, whatever collapsible and open say (feed readers cannot open a <details>)', () => {
    const { container } = render(
      <FeedAdmonition type="example" collapsible open={false}>
        Output
      </FeedAdmonition>,
    )
    expect(container.querySelector('details, summary')).toBeNull()
    expect(container.textContent).toBe('ExampleOutput')
  })
})
