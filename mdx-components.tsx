import type { MDXComponents } from 'mdx/types'
import type { ComponentPropsWithoutRef } from 'react'

import { mdxComponents } from '@/components/mdx'
import { withBasePath } from '@/lib/base-path.mjs'

// Markdown links and images in @next/mdx pages are site paths (`/feed.xml`): under a base path
// they get it here, as a post's get it from the runtime it runs with (lib/content/run.ts).
const underBasePath = {
  a: ({ href, ...props }: ComponentPropsWithoutRef<'a'>) => <a href={href === undefined ? href : withBasePath(href)} {...props} />,
  img: ({ src, alt = '', ...props }: ComponentPropsWithoutRef<'img'>) => (
    <img src={typeof src === 'string' ? withBasePath(src) : src} alt={alt} {...props} />
  ),
} satisfies MDXComponents

// @next/mdx pages (app/**/page.mdx) get the same components as posts.
export function useMDXComponents(components: MDXComponents): MDXComponents {
  return { ...mdxComponents, ...underBasePath, ...components }
}
