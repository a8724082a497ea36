import type { Root } from 'mdast'
import { describe, expect, it } from 'vitest'

import { toPostText } from '@/lib/import/serialize'

const paragraph = (value: string): Root => ({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })

describe('toPostText: the format an imported post is written in', () => {
  it('writes plain Markdown when the post needs no component: braces stay as they are, a dollar sign is still escaped', () => {
    expect(toPostText(paragraph('Sets {a, b} cost $5, and 1 < 2.'))).toEqual({ format: 'md', text: 'Sets {a, b} cost \\$5, and 1 < 2.\n' })
  })

  it('writes MDX, with its escapes, when the post has a component', () => {
    const tree = paragraph('Sets {a, b}.')
    tree.children.push({
      type: 'mdxJsxFlowElement',
      name: 'YouTube',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'dQw4w9WgXcQ' }],
      children: [],
    })
    expect(toPostText(tree)).toEqual({ format: 'mdx', text: 'Sets \\{a, b\\}.\n\n<YouTube id="dQw4w9WgXcQ" />\n' })
  })
})
