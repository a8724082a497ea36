// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { StrokeIcon } from '@/components/stroke-icon'

afterEach(cleanup)

describe('StrokeIcon', () => {
  it('draws its children as a 24×24 line icon in the text colour, hidden from screen readers', () => {
    const { container } = render(
      <StrokeIcon>
        <circle cx="12" cy="12" r="4" />
      </StrokeIcon>,
    )
    const svg = container.querySelector('svg')!
    expect(svg.getAttribute('aria-hidden')).toBe('true')
    expect(svg.getAttribute('viewBox')).toBe('0 0 24 24')
    expect([svg.getAttribute('fill'), svg.getAttribute('stroke')]).toEqual(['none', 'currentColor'])
    expect(svg.getAttribute('class')).toBe('size-5')
    expect(svg.querySelector('circle')?.getAttribute('r')).toBe('4')
  })

  it('takes another size as a class', () => {
    const { container } = render(
      <StrokeIcon className="size-4 dark:hidden">
        <path d="M0 0" />
      </StrokeIcon>,
    )
    expect(container.querySelector('svg')?.getAttribute('class')).toBe('size-4 dark:hidden')
  })
})
