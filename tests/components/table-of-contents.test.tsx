// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { TableOfContents } from '@/components/table-of-contents'
import type { TocHeading } from '@/lib/content'

afterEach(cleanup)

const headings: TocHeading[] = [
  { depth: 2, text: 'Setup', id: 'setup' },
  { depth: 3, text: 'Fonts & colours', id: 'fonts-colours' },
  { depth: 2, text: 'Results', id: 'results' },
]

const entries = (nav: HTMLElement) =>
  within(nav)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href'), a.closest('li')?.className ?? ''])

describe('TableOfContents', () => {
  it.each(['inline', 'sidebar'] as const)('%s: renders nothing for fewer than two headings', (variant) => {
    const { container } = render(<TableOfContents headings={headings.slice(0, 1)} variant={variant} />)
    expect(container.innerHTML).toBe('')
  })

  it('inline: folded away under "On this page", closed by default', () => {
    const { container } = render(<TableOfContents headings={headings} variant="inline" />)
    const details = container.querySelector('details')!
    expect(details.open).toBe(false)
    expect(details.querySelector('summary')?.textContent).toBe('On this page')
    const nav = within(details).getByRole('navigation', { name: 'On this page' })
    expect(nav.hasAttribute('data-toc')).toBe(true)
    expect(entries(nav)).toEqual([
      ['Setup', '#setup', ''],
      ['Fonts & colours', '#fonts-colours', 'pl-4'],
      ['Results', '#results', ''],
    ])
  })

  it('sidebar: a navigation landmark of its own name, h3 entries indented', () => {
    render(<TableOfContents headings={headings} variant="sidebar" />)
    const nav = screen.getByRole('navigation', { name: 'Table of contents' })
    expect(nav.hasAttribute('data-toc')).toBe(true)
    expect(entries(nav)).toEqual([
      ['Setup', '#setup', ''],
      ['Fonts & colours', '#fonts-colours', 'pl-4'],
      ['Results', '#results', ''],
    ])
  })

  it('both variants on one page are two distinctly named landmarks', () => {
    render(
      <>
        <TableOfContents headings={headings} variant="inline" />
        <TableOfContents headings={headings} variant="sidebar" />
      </>,
    )
    expect(screen.getAllByRole('navigation').map((n) => n.getAttribute('aria-label'))).toEqual(['On this page', 'Table of contents'])
  })
})
