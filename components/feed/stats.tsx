import type { ReactNode } from 'react'

import type { StatProps } from '../mdx/stats'

/**
 * Stats as a feed reader shows them: without our CSS a description list reads label first
 * ("submissions 185"); a list of sentences reads as the page looks, "185 submissions (up from 120)".
 */
export function FeedStats({ children }: { children?: ReactNode }) {
  return <ul>{children}</ul>
}

export function FeedStat({ value, label, note }: StatProps) {
  return (
    <li>
      <strong>{value}</strong> {label}
      {note ? <> ({note})</> : null}
    </li>
  )
}
