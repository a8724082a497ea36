import { Children, isValidElement, type ComponentPropsWithoutRef, type ReactElement, type ReactNode } from 'react'

import { CopyButton } from './copy-button'

type Props = ComponentPropsWithoutRef<'figure'> & { 'data-rehype-pretty-code-figure'?: string }
type DataProps = { 'data-language'?: string; 'data-rehype-pretty-code-title'?: string; children?: ReactNode }

// Languages whose name says nothing worth a label.
const UNLABELLED = new Set(['plaintext', 'text', 'txt', 'plain'])

/**
 * A code block as rehype-pretty-code writes it (<figure> with an optional title <figcaption> and
 * a <pre>), given a bar with the title, the language and a copy button. The code scrolls
 * sideways on its own; the bar and the page stay put. Any other <figure> passes through.
 */
export function CodeBlock({ children, ...props }: Props) {
  if (props['data-rehype-pretty-code-figure'] === undefined) return <figure {...props}>{children}</figure>
  const parts = Children.toArray(children).filter(isValidElement) as ReactElement<DataProps>[]
  const title = parts.find((p) => p.props['data-rehype-pretty-code-title'] !== undefined)
  const pre = parts.find((p) => p.type === 'pre')
  const language = pre?.props['data-language']
  return (
    <figure {...props} className="code-block">
      {title ? <figcaption className="code-title">{title.props.children}</figcaption> : null}
      <div className="code-tools">
        {language && !UNLABELLED.has(language) ? <span className="code-language">{language}</span> : null}
        <CopyButton />
      </div>
      {pre}
    </figure>
  )
}
