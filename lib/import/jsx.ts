import type { Properties } from 'hast'
import type { PhrasingContent, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx'
import { find, hastToReact, html, svg } from 'property-information'

import { checkElement, isAllowedTag } from '../content/html-policy'

// Building MDX JSX nodes: the elements and components an imported post keeps, with attributes
// named as React names them (className, htmlFor, colSpan) and checked against Inkwell's HTML policy.

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

/** A JSX attribute with a literal value (`true`: a bare boolean attribute). */
export const attr = (name: string, value: string | number | true): MdxJsxAttribute => ({
  type: 'mdxJsxAttribute',
  name,
  value: value === true ? null : String(value),
})

/** A component or element with literal attributes; undefined ones are left out. */
export function jsx(
  name: string,
  attributes: Record<string, string | number | true | undefined>,
  children: RootContent[] = [],
  flow = true,
): JsxElement {
  const list = Object.entries(attributes).flatMap(([key, value]) => (value === undefined ? [] : [attr(key, value)]))
  return flow
    ? { type: 'mdxJsxFlowElement', name, attributes: list, children: children as MdxJsxFlowElement['children'] }
    : { type: 'mdxJsxTextElement', name, attributes: list, children: children as PhrasingContent[] }
}

/** What converting attributes left out, for the report. */
export interface AttributeNotes {
  style: boolean
  refused: string[]
}

/** hast properties as JSX attributes; inline styles and attributes the policy refuses are left out. */
export function jsxAttributes(tag: string, properties: Properties, notes: AttributeNotes): MdxJsxAttribute[] {
  const schema = tag === 'svg' || !isHtmlTag(tag) ? svg : html
  const out: MdxJsxAttribute[] = []
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue
    if (key === 'style') {
      notes.style = true
      continue
    }
    const info = find(schema, key)
    const name = /^(data|aria)-/.test(info.attribute) ? info.attribute : (hastToReact[key] ?? key)
    const text = value === true ? true : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value)
    const problem = checkElement(tag, [{ name: info.attribute, value: text }])[0]
    if (problem && isAllowedTag(tag)) {
      notes.refused.push(`${info.attribute} on <${tag}>`)
      continue
    }
    out.push(attr(name, text))
  }
  return out
}

const isHtmlTag = (tag: string) => tag === tag.toLowerCase()

/** Whether Inkwell's HTML policy lets a post use this element at all. */
export const allowedElement = (tag: string) => isAllowedTag(tag) && checkElement(tag, []).length === 0
