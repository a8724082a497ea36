import type { ReactNode } from 'react'

import { AdmonitionIcon } from './admonition-icon'
import type { AdmonitionType } from './spec'

export interface AdmonitionProps {
  type?: AdmonitionType
  /** Shown above the content; default: the type's name. */
  title?: string
  /** Render as a <details> the reader can fold away. */
  collapsible?: boolean
  /** With collapsible: start unfolded. */
  open?: boolean
  children?: ReactNode
}

const label = (type: AdmonitionType) => type.charAt(0).toUpperCase() + type.slice(1)

/** A titled box that sets a passage apart: a tip, a warning, a quote. */
export function Admonition({ type = 'note', title, collapsible = false, open = false, children }: AdmonitionProps) {
  const heading = (
    <>
      <AdmonitionIcon type={type} />
      <span>{title ?? label(type)}</span>
    </>
  )
  return (
    <div role="note" className={`admonition admonition-${type}`} data-type={type}>
      {collapsible ? (
        <details open={open}>
          <summary className="admonition-title">{heading}</summary>
          <div className="admonition-body">{children}</div>
        </details>
      ) : (
        <>
          <p className="admonition-title">{heading}</p>
          <div className="admonition-body">{children}</div>
        </>
      )}
    </div>
  )
}
