// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import Link from 'next/link'
import { afterEach, describe, expect, it } from 'vitest'

import { PageHeader, PageTitle } from '@/components/page-title'

afterEach(cleanup)

describe('PageTitle', () => {
  it('is the one h1 of the page, with the shared style, and passes other attributes on', () => {
    render(
      <PageTitle id="t" data-pagefind-body="" className="mt-2">
        Archive
      </PageTitle>,
    )
    const h1 = screen.getByRole('heading', { level: 1, name: 'Archive' })
    expect(h1.id).toBe('t')
    expect(h1.hasAttribute('data-pagefind-body')).toBe(true)
    expect(h1.className).toMatch(/^text-3xl font-bold tracking-tight .*sm:text-\[2\.6rem\].* mt-2$/)
  })
})

describe('PageHeader', () => {
  it('puts the label above the title and the line below it', () => {
    const { container } = render(
      <PageHeader label={<Link href="/categories">Category</Link>} title="Engineering">
        7 posts
      </PageHeader>,
    )
    const header = container.querySelector('header')!
    expect([...header.children].map((el) => [el.tagName, el.textContent])).toEqual([
      ['P', 'Category'],
      ['H1', 'Engineering'],
      ['P', '7 posts'],
    ])
    expect(screen.getByRole('link', { name: 'Category' }).getAttribute('href')).toBe('/categories')
  })

  it('renders only the title when there is nothing else', () => {
    const { container } = render(<PageHeader title="Search" />)
    expect(container.querySelector('header')?.innerHTML).toBe(screen.getByRole('heading', { level: 1 }).outerHTML)
  })

  it('has the same title style as PageTitle', () => {
    render(<PageHeader title="A" />)
    const { container } = render(<PageTitle>B</PageTitle>)
    expect(screen.getByRole('heading', { name: 'A' }).className).toBe(container.querySelector('h1')?.className)
  })
})
