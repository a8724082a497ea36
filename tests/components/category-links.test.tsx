// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { CategoryLinks } from '@/components/category-links'
import { termLinks } from '@/lib/content/taxonomy'

afterEach(cleanup)

const links = () => screen.queryAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])

describe('CategoryLinks', () => {
  it('links every category to its page', () => {
    render(<CategoryLinks categories={termLinks('categories', ['Engineering', 'R&D notes'])} />)
    expect(links()).toEqual([
      ['Engineering', '/categories/engineering'],
      ['R&D notes', '/categories/rd-notes'],
    ])
  })

  it('leaves out the category whose page the list is on, matched by slug, and keeps the others', () => {
    render(<CategoryLinks categories={termLinks('categories', ['Design', 'Engineering', 'Feeds'])} except="engineering" />)
    expect(links()).toEqual([
      ['Design', '/categories/design'],
      ['Feeds', '/categories/feeds'],
    ])
  })

  it('renders nothing when no category is left', () => {
    const { container } = render(<CategoryLinks categories={termLinks('categories', ['Engineering'])} except="engineering" />)
    expect(container.innerHTML).toBe('')
  })
})
