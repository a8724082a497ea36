// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { SiteFooter } from '@/components/site-footer'
import { testSite } from './helpers'

afterEach(cleanup)

describe('SiteFooter', () => {
  it('links home, the site navigation and the feed', () => {
    const site = testSite({
      nav: [
        { label: 'Archive', href: '/archive' },
        { label: 'About', href: '/about' },
      ],
    })
    render(<SiteFooter site={site} authorName="Ada Lovelace" />)
    const nav = screen.getByRole('navigation', { name: 'Footer' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Home', '/'],
      ['Archive', '/archive'],
      ['About', '/about'],
      ['Feeds', '/feeds'],
    ])
  })

  it('credits the author when the site sets no copyright line', () => {
    render(<SiteFooter site={testSite()} authorName="Ada Lovelace" />)
    expect(screen.getByRole('contentinfo').querySelector('p')?.textContent).toBe('© Ada Lovelace · Built with Inkwell')
  })

  it('uses the copyright line of site.yaml', () => {
    render(<SiteFooter site={testSite({ copyright: '© 2026 Ada, CC BY 4.0' })} authorName="Ada Lovelace" />)
    expect(screen.getByRole('contentinfo').querySelector('p')?.textContent).toBe('© 2026 Ada, CC BY 4.0 · Built with Inkwell')
  })
})
