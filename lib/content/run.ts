import { runSync } from '@mdx-js/mdx'
import type { MDXComponents, MDXContent, MDXProps } from 'mdx/types'
import * as runtime from 'react/jsx-runtime'
import { SANDBOX } from './sandbox'
import { createSandbox, type SandboxOptions } from './sandbox-runtime'

/**
 * Turns a post's compiled MDX (Post.code) into a component that renders it with `components`,
 * the registry; a post's expressions run in a sandbox of their own that knows that registry.
 */
export function evaluatePost(code: string, components: MDXComponents, options?: SandboxOptions): MDXContent {
  const sandbox = createSandbox(components as Record<string, unknown>, options)
  const Content = runSync(code, { ...runtime, baseUrl: import.meta.url, [SANDBOX]: sandbox } as Parameters<typeof runSync>[1]).default
  return function Post(props: MDXProps) {
    return Content(sandbox.props({ ...props, components: props.components ?? components }))
  }
}
