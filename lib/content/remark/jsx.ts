import type { RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'

/** A JSX element in a post, in a block or inline. */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

/** True for a JSX element, in a block or inline. */
export const isJsxElement = (node: { type: string }): node is JsxElement => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'

/** The attribute `name` written on an element (not a spread), if any. */
export const attribute = (node: JsxElement, name: string) =>
  node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name)

/** The value of attribute `name` when it is written as plain text (`name="…"`). */
export const literal = (node: JsxElement, name: string): string | undefined => {
  const value = attribute(node, name)?.value
  return typeof value === 'string' ? value : undefined
}

/** A block element `<name …attrs>children</name>` standing where `from` was. */
export const jsx = (name: string, attrs: Record<string, string>, children: RootContent[], from: RootContent): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attrs).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children: children as MdxJsxFlowElement['children'],
  position: from.position,
})
