import type { ReactNode } from 'react'

/** A 24×24 line icon in the text colour, hidden from screen readers (the control it sits in has the name). */
export function StrokeIcon({ className = 'size-5', children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}
