import type { AdmonitionProps } from '../mdx/admonition'

/**
 * An admonition as feed readers can show it: a quoted block led by its type and title in bold. No icon,
 * and never folded (readers drop <details>, or show it shut with no way to open it).
 */
export function FeedAdmonition({ type = 'note', title, children }: AdmonitionProps) {
  // The type is part of the meaning ("Warning: Back up first"), even when the title is the author's own.
  const label = type.charAt(0).toUpperCase() + type.slice(1)
  return (
    <blockquote>
      <p>
        <strong>{title ? `${label}: ${title}` : label}</strong>
      </p>
      {children}
    </blockquote>
  )
}
