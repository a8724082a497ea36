// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { SiteHeader } from '@/components/site-header'
import { testSite } from './helpers'

afterEach(cleanup)

describe('SiteHeader', () => {
  it('links the site title home, then the navigation of site.yaml and the feed', () => {
    render(<SiteHeader site={testSite({ title: 'Ada’s notes', nav: [{ label: 'Archive', href: '/archive' }] })} />)
    const header = screen.getByRole('banner')
    expect(within(header).getByRole('link', { name: 'Ada’s notes' }).getAttribute('href')).toBe('/')
    const nav = within(header).getByRole('navigation', { name: 'Main' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Archive', '/archive'],
      ['RSS', '/feed.xml'],
    ])
  })

  it('has the search link and the theme toggle', () => {
    render(<SiteHeader site={testSite()} />)
    const header = screen.getByRole('banner')
    expect(within(header).getByRole('link', { name: 'Search' }).getAttribute('href')).toBe('/search')
    expect(within(header).getByRole('button', { name: 'Dark theme' })).toBeTruthy()
  })
})
