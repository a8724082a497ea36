// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { PostList } from '@/components/post-list'
import { testPost, testSite } from './helpers'

afterEach(cleanup)

const site = testSite()

describe('PostList', () => {
  it('lists the posts in the order given, each titled with a link to it, dated and summarised', () => {
    const posts = [
      testPost('newer', { title: 'Feeds & XML', summary: 'Why escaping matters.', date: new Date('2025-05-01T10:00:00Z') }),
      testPost('older', { title: 'Time zones', summary: 'A day is not 24 hours.', date: new Date('2025-01-02T10:00:00Z') }),
    ]
    render(<PostList posts={posts} site={site} />)
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    const [first, second] = items.map((li) => within(li).getByRole('article'))
    expect(within(first!).getByRole('heading', { level: 2 }).textContent?.trim()).toBe('Feeds & XML')
    expect(within(first!).getByRole('link', { name: 'Feeds & XML' }).getAttribute('href')).toBe('/posts/newer')
    expect(first!.querySelector('time')?.dateTime).toBe('2025-05-01T10:00:00.000Z')
    expect(within(first!).getByText('Why escaping matters.').tagName).toBe('P')
    expect(within(second!).getByRole('link', { name: 'Time zones' }).getAttribute('href')).toBe('/posts/older')
  })

  it('shows each post’s categories as links', () => {
    render(<PostList posts={[testPost('a', { categories: ['Engineering', 'Feeds'] })]} site={site} />)
    expect(screen.getByRole('link', { name: 'Engineering' }).getAttribute('href')).toBe('/categories/engineering')
    expect(screen.getByRole('link', { name: 'Feeds' }).getAttribute('href')).toBe('/categories/feeds')
  })

  it('on a category page, leaves that category off every item', () => {
    render(<PostList posts={[testPost('a', { categories: ['Engineering', 'Feeds'] })]} site={site} category="engineering" />)
    expect(screen.queryByRole('link', { name: 'Engineering' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Feeds' })).toBeTruthy()
  })

  it('badges drafts and scheduled posts, and only those', () => {
    render(
      <PostList
        posts={[testPost('d', { unpublished: 'draft' }), testPost('s', { unpublished: 'scheduled' }), testPost('p')]}
        site={site}
      />,
    )
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent?.trim())
    expect(headings).toEqual(['Post d Draft', 'Post s Scheduled', 'Post p'])
  })

  it('is an empty list without posts', () => {
    render(<PostList posts={[]} site={site} />)
    expect(within(screen.getByRole('list')).queryAllByRole('listitem')).toEqual([])
  })
})
