// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { UnpublishedBadge } from '@/components/unpublished-badge'

afterEach(cleanup)

describe('UnpublishedBadge', () => {
  it('renders nothing on a published post', () => {
    const { container } = render(<UnpublishedBadge post={{ unpublished: undefined }} />)
    expect(container.innerHTML).toBe('')
  })

  it.each([
    ['draft', 'Draft'],
    ['scheduled', 'Scheduled'],
  ] as const)('says %s posts are "%s"', (unpublished, text) => {
    const { container } = render(<UnpublishedBadge post={{ unpublished }} />)
    expect(container.textContent).toBe(text)
    expect(screen.getByText(text).tagName).toBe('SPAN')
  })
})
