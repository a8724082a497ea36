import { runSync } from '@mdx-js/mdx'
import type { MDXComponents, MDXContent, MDXProps } from 'mdx/types'
import * as runtime from 'react/jsx-runtime'
import { basePath, withBasePath } from '../base-path.mjs'
import { SANDBOX } from './sandbox'
import { createSandbox, type SandboxOptions } from './sandbox-runtime'

/**
 * Turns a post's compiled MDX (Post.code) into a component that renders it with `components`,
 * the registry; a post's expressions run in a sandbox of their own that knows that registry.
 */
export function evaluatePost(code: string, components: MDXComponents, options?: SandboxOptions): MDXContent {
  const sandbox = createSandbox(components as Record<string, unknown>, options)
  const Content = runSync(code, { ...underBasePath(basePath()), baseUrl: import.meta.url, [SANDBOX]: sandbox } as Parameters<typeof runSync>[1]).default
  return function Post(props: MDXProps) {
    return Content(sandbox.props({ ...props, components: props.components ?? components }))
  }
}

/** The attributes of HTML elements that hold a URL the browser fetches or follows. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'action', 'formAction'] as const

/**
 * The JSX runtime a post runs with: under a base path, every `/…` URL of an HTML element (a
 * Markdown link or image, a literal <a> or <img>, raw HTML) gets it, as next/link does for the
 * app's own links. Posts keep writing site paths (`/posts/a`), which the link check reads.
 */
function underBasePath(base: string): typeof runtime {
  if (!base) return runtime
  const fix = (type: unknown, props: Record<string, unknown>) => {
    if (typeof type !== 'string' || !props) return props
    let fixed: Record<string, unknown> | undefined
    for (const key of URL_ATTRIBUTES) {
      const value = props[key]
      if (typeof value === 'string' && value !== withBasePath(value, base)) (fixed ??= { ...props })[key] = withBasePath(value, base)
    }
    if (typeof props.srcSet === 'string') {
      const srcSet = props.srcSet.replace(/(^|,)(\s*)(\S+)/g, (_m, comma: string, space: string, url: string) => comma + space + withBasePath(url, base))
      if (srcSet !== props.srcSet) (fixed ??= { ...props }).srcSet = srcSet
    }
    return fixed ?? props
  }
  return {
    ...runtime,
    jsx: (type, props, key) => runtime.jsx(type, fix(type, props as Record<string, unknown>), key),
    jsxs: (type, props, key) => runtime.jsxs(type, fix(type, props as Record<string, unknown>), key),
  }
}
