// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { Figure } from '@/components/mdx/figure'

afterEach(cleanup)

describe('Figure', () => {
  it('renders figure, img and figcaption with alt, size and lazy loading', () => {
    render(<Figure src="/posts/a/chart.png" alt="Submissions per year" caption="Submissions grew every year." width={640} height={480} />)
    const figure = screen.getByRole('figure')
    const img = screen.getByRole('img', { name: 'Submissions per year' })
    expect(figure.contains(img)).toBe(true)
    expect([img.getAttribute('src'), img.getAttribute('width'), img.getAttribute('height')]).toEqual(['/posts/a/chart.png', '640', '480'])
    expect([img.getAttribute('loading'), img.getAttribute('decoding')]).toEqual(['lazy', 'async'])
    expect(figure.querySelector('figcaption')?.textContent).toBe('Submissions grew every year.')
  })

  it('takes the caption from children', () => {
    render(
      <Figure src="/a.png" alt="A" width="10" height="5">
        A caption with <em>emphasis</em>
      </Figure>,
    )
    expect(screen.getByRole('figure').querySelector('figcaption')?.innerHTML).toBe('A caption with <em>emphasis</em>')
  })

  it('has no empty figcaption without a caption', () => {
    render(<Figure src="/a.png" alt="A" width={10} height={5} />)
    expect(screen.getByRole('figure').querySelector('figcaption')).toBeNull()
  })

  it('keeps an empty alt for a decorative image', () => {
    const { container } = render(<Figure src="/a.png" alt="" width={10} height={5} />)
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('')
  })
})
