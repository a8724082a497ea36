// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'

import { TaskCheckbox } from '@/components/mdx/task-checkbox'

afterEach(cleanup)

describe('TaskCheckbox', () => {
  it('names a task list checkbox by its state', () => {
    render(
      <ul>
        <li>
          <TaskCheckbox type="checkbox" disabled checked /> Write the tests
        </li>
        <li>
          <TaskCheckbox type="checkbox" disabled /> Ship
        </li>
      </ul>,
    )
    const [done, open] = screen.getAllByRole('checkbox') as HTMLInputElement[]
    expect([done!.checked, done!.disabled]).toEqual([true, true])
    expect(screen.getByRole('checkbox', { name: 'Done' })).toBe(done)
    expect(screen.getByRole('checkbox', { name: 'Not done' })).toBe(open)
    expect(open!.checked).toBe(false)
  })

  it('leaves an enabled checkbox and other inputs as they are', () => {
    render(
      <>
        <TaskCheckbox type="checkbox" aria-label="Subscribe" />
        <TaskCheckbox type="text" disabled aria-label="Name" />
      </>,
    )
    expect(screen.getByRole('checkbox', { name: 'Subscribe' })).toBeTruthy()
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).disabled).toBe(true)
  })
})
