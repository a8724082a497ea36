import type { AdmonitionProps } from '../mdx/admonition'

/**
 * An admonition as feed readers can show it: a quoted block led by its title in bold. No icon,
 * and never folded (readers drop <details>, or show it shut with no way to open it).
 */
export function FeedAdmonition({ type = 'note', title, children }: AdmonitionProps) {
  return (
    <blockquote>
      <p>
        <strong>{title ?? type.charAt(0).toUpperCase() + type.slice(1)}</strong>
      </p>
      {children}
    </blockquote>
  )
}
