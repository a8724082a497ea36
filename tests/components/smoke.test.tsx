// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { Admonition } from '@/components/mdx/admonition'
test('renders', () => {
  render(<Admonition type="tip">Hi</Admonition>)
  expect(screen.getByRole('note').textContent).toContain('Tip')
})
