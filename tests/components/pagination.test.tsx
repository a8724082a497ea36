// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { Pagination } from '@/components/pagination'

afterEach(cleanup)

const href = (n: number) => (n === 1 ? '/' : `/page/${n}`)
const links = () => screen.queryAllByRole('link').map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')])

describe('Pagination', () => {
  it('renders nothing for a list that fits on one page', () => {
    const { container } = render(<Pagination page={1} pages={1} href={href} />)
    expect(container.innerHTML).toBe('')
  })

  it('renders nothing for an empty list (no pages)', () => {
    const { container } = render(<Pagination page={1} pages={0} href={href} />)
    expect(container.innerHTML).toBe('')
  })

  it('on the first page: only the link to older posts, to page 2', () => {
    render(<Pagination page={1} pages={3} href={href} />)
    const nav = screen.getByRole('navigation', { name: 'Pagination' })
    expect(nav.textContent).toContain('Page 1 of 3')
    expect(links()).toEqual([['Older posts →', '/page/2', 'next']])
  })

  it('in the middle: newer posts lead back a page, older posts on, and page 1 is the list itself', () => {
    render(<Pagination page={2} pages={3} href={href} />)
    expect(screen.getByRole('navigation', { name: 'Pagination' }).textContent).toContain('Page 2 of 3')
    expect(links()).toEqual([
      ['← Newer posts', '/', 'prev'],
      ['Older posts →', '/page/3', 'next'],
    ])
  })

  it('on the last page: only the link to newer posts', () => {
    render(<Pagination page={3} pages={3} href={href} />)
    expect(links()).toEqual([['← Newer posts', '/page/2', 'prev']])
  })

  it('keeps three columns whichever links are present, so "Page N of M" stays centred', () => {
    const { container } = render(<Pagination page={1} pages={2} href={href} />)
    const nav = container.querySelector('nav')!
    expect([...nav.children].map((c) => c.textContent)).toEqual(['', 'Page 1 of 2', 'Older posts →'])
  })
})
