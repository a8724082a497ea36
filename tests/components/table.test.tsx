// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { Table } from '@/components/mdx/table'

afterEach(cleanup)

describe('Table', () => {
  it('wraps the table in a named scroll region that the keyboard can reach', () => {
    render(
      <Table className="wide">
        <tbody>
          <tr>
            <td>1</td>
          </tr>
        </tbody>
      </Table>,
    )
    const region = screen.getByRole('region', { name: 'Table' })
    expect(region.tabIndex).toBe(0)
    expect(region.className).toBe('table-scroll')
    const table = screen.getByRole('table')
    expect(table.parentElement).toBe(region)
    expect(table.className).toBe('wide')
    expect(screen.getByRole('cell').textContent).toBe('1')
  })
})
