import type { ComponentPropsWithoutRef } from 'react'

/**
 * The checkbox of a Markdown task list item (`- [x] done`), which remark-gfm renders as a bare
 * disabled <input>: named by its state, so a screen reader says "Done, checkbox, checked"
 * rather than an unlabelled form field. Other inputs pass through.
 */
export function TaskCheckbox(props: ComponentPropsWithoutRef<'input'>) {
  if (props.type !== 'checkbox' || !props.disabled) return <input {...props} />
  return <input {...props} aria-label={props.checked ? 'Done' : 'Not done'} />
}
