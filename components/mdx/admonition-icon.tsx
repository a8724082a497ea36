import type { AdmonitionType } from './spec'

// 24×24 stroke icons drawn for Inkwell, one per admonition type.
const PATHS: Record<AdmonitionType, string> = {
  note: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  abstract: 'M8 4h8v3H8zM6 5.5H4.5V21h15V5.5H18M8 12h8M8 16h5',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
  tip: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1.1 2.2h5c.1-1 .5-1.7 1.1-2.2A6 6 0 0 0 12 3z',
  success: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12.5l2.7 2.7L16.5 9.5',
  question: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9.5a2.5 2.5 0 1 1 3.4 2.3c-.6.3-.9.8-.9 1.4v.8M12 17v.5',
  warning: 'M12 3.5 2.5 20h19L12 3.5zM12 10v4.5M12 17.2v.3',
  failure: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9 9l6 6M15 9l-6 6',
  danger: 'M13 2.5 5 13.5h6l-1 8 8-11h-6l1-8z',
  bug: 'M8 8.5a4 4 0 0 1 8 0V15a4 4 0 0 1-8 0V8.5zM12 10.5V19M4 12h4M16 12h4M5 6.5l3 2M19 6.5l-3 2M5 18.5l3-2M19 18.5l-3-2',
  example: 'M9 5h11M9 12h11M9 19h11M4.5 5h.5M4.5 12h.5M4.5 19h.5',
  quote: 'M5 18c2.5-1 4-3 4-6V7H4.5v5H8M15 18c2.5-1 4-3 4-6V7h-4.5v5H18',
}

/** The icon shown before an admonition's title; decorative, so hidden from screen readers. */
export function AdmonitionIcon({ type }: { type: AdmonitionType }) {
  return (
    <svg
      className="admonition-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[type]} />
    </svg>
  )
}
