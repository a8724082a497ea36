// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { RelatedPosts } from '@/components/related-posts'

afterEach(cleanup)

describe('RelatedPosts', () => {
  it('renders nothing without related posts', () => {
    const { container } = render(<RelatedPosts posts={[]} />)
    expect(container.innerHTML).toBe('')
  })

  it('is a section named by its heading, linking each post by its title', () => {
    render(
      <RelatedPosts
        posts={[
          { slug: 'a', title: 'Feeds that validate', url: '/posts/a' },
          { slug: 'b', title: 'Time zones & dates', url: '/posts/b' },
        ]}
      />,
    )
    const section = screen.getByRole('region', { name: 'Related posts' })
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('Related posts')
    expect(
      within(section)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Feeds that validate', '/posts/a'],
      ['Time zones & dates', '/posts/b'],
    ])
  })
})
