import type { ReactNode } from 'react'

export interface StatProps {
  value: ReactNode
  label: ReactNode
  /** A short remark under the number, such as "up from 120". */
  note?: ReactNode
}

/** One figure in a <Stats> row: label in <dt>, value (and note) in <dd>. */
export function Stat({ value, label, note }: StatProps) {
  return (
    <div className="stat">
      <dt className="stat-label">{label}</dt>
      <dd className="stat-value">{value}</dd>
      {note ? <dd className="stat-note">{note}</dd> : null}
    </div>
  )
}

/** A row of big numbers, as a description list. */
export function Stats({ children }: { children?: ReactNode }) {
  return <dl className="stats">{children}</dl>
}
