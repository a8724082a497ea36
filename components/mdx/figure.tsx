import type { ReactNode } from 'react'

import { withBasePath } from '@/lib/base-path.mjs'

export interface FigureProps {
  /** A co-located image (`./chart.webp`) or a URL. */
  src: string
  alt: string
  caption?: ReactNode
  /** Set at build time from the image file; needed for remote images. */
  width?: number | string
  height?: number | string
  /** Caption as MDX children, instead of the caption prop. */
  children?: ReactNode
}

/** An image with a caption. Width and height are known up front, so nothing shifts as it loads. */
export function Figure({ src, alt, caption, width, height, children }: FigureProps) {
  const text = caption ?? children
  return (
    <figure className="figure">
      <img src={withBasePath(src)} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      {text ? <figcaption>{text}</figcaption> : null}
    </figure>
  )
}
