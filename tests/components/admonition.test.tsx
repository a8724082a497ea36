// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { Admonition } from '@/components/mdx/admonition'
import { ADMONITION_TYPES } from '@/components/mdx/spec'

afterEach(cleanup)

describe('Admonition', () => {
  it.each(ADMONITION_TYPES.map((type) => [type, type.charAt(0).toUpperCase() + type.slice(1)]))(
    'type %s: a note titled "%s" with a decorative icon',
    (type, title) => {
      render(<Admonition type={type}>Body text</Admonition>)
      const note = screen.getByRole('note')
      expect(note.dataset.type).toBe(type)
      expect(note.className).toBe(`admonition admonition-${type}`)
      expect(note.querySelector('.admonition-title')?.textContent).toBe(title)
      const icon = note.querySelector('svg')!
      expect(icon.getAttribute('aria-hidden')).toBe('true')
      expect(icon.getAttribute('focusable')).toBe('false')
      expect(icon.querySelector('path')?.getAttribute('d')).toMatch(/^M/)
      expect(within(note).getByText('Body text').className).toBe('admonition-body')
    },
  )

  it('gives each type its own icon', () => {
    const paths = ADMONITION_TYPES.map((type) => {
      const { container, unmount } = render(<Admonition type={type} />)
      const d = container.querySelector('path')?.getAttribute('d')
      unmount()
      return d
    })
    expect(new Set(paths).size).toBe(ADMONITION_TYPES.length)
  })

  it('is a note when no type is given', () => {
    render(<Admonition>Text</Admonition>)
    expect(screen.getByRole('note').dataset.type).toBe('note')
    expect(screen.getByText('Note')).toBeTruthy()
  })

  it('shows a custom title instead of the type name', () => {
    render(
      <Admonition type="tip" title="Before you start">
        Text
      </Admonition>,
    )
    const note = screen.getByRole('note')
    expect(note.querySelector('.admonition-title')?.textContent).toBe('Before you start')
    expect(within(note).queryByText('Tip')).toBeNull()
  })

  it('is a plain box unless collapsible', () => {
    render(<Admonition type="info">Text</Admonition>)
    expect(screen.getByRole('note').querySelector('details')).toBeNull()
  })

  it('folds away as details/summary when collapsible, closed by default', () => {
    render(
      <Admonition type="example" collapsible>
        Hidden until opened
      </Admonition>,
    )
    const details = screen.getByRole('note').querySelector('details')!
    expect(details.open).toBe(false)
    expect(details.querySelector('summary')?.textContent).toBe('Example')
    expect(within(details).getByText('Hidden until opened').className).toBe('admonition-body')
  })

  it('starts unfolded with open', () => {
    render(
      <Admonition type="example" collapsible open title="Output">
        Shown
      </Admonition>,
    )
    const details = screen.getByRole('note').querySelector('details')!
    expect(details.open).toBe(true)
    expect(details.querySelector('summary')?.textContent).toBe('Output')
  })
})
