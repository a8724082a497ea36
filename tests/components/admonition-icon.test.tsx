// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { AdmonitionIcon } from '@/components/mdx/admonition-icon'
import { ADMONITION_TYPES } from '@/components/mdx/spec'

afterEach(cleanup)

describe('AdmonitionIcon', () => {
  it.each(ADMONITION_TYPES)('%s: a decorative 20px stroke icon that neither screen readers nor the keyboard reach', (type) => {
    const { container } = render(<AdmonitionIcon type={type} />)
    const svg = container.querySelector('svg')!
    expect(svg.getAttribute('class')).toBe('admonition-icon')
    expect([svg.getAttribute('aria-hidden'), svg.getAttribute('focusable')]).toEqual(['true', 'false'])
    expect([svg.getAttribute('width'), svg.getAttribute('height'), svg.getAttribute('viewBox')]).toEqual(['20', '20', '0 0 24 24'])
    expect([svg.getAttribute('fill'), svg.getAttribute('stroke')]).toEqual(['none', 'currentColor'])
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^M[\d.]/)
  })
})
