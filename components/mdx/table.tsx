import type { ComponentPropsWithoutRef } from 'react'

/** Markdown tables scroll sideways on narrow screens instead of widening the page. */
export function Table(props: ComponentPropsWithoutRef<'table'>) {
  return (
    // A scrolling region must be reachable by keyboard, and a focusable region needs a name.
    <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
      <table {...props} />
    </div>
  )
}
