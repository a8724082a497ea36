// What the MDX components accept, as data: the registry renders them, and the content loader
// checks every use in a post against this before a page is built.

export const ADMONITION_TYPES = [
  'note',
  'abstract',
  'info',
  'tip',
  'success',
  'question',
  'warning',
  'failure',
  'danger',
  'bug',
  'example',
  'quote',
] as const

export type AdmonitionType = (typeof ADMONITION_TYPES)[number]

export interface ComponentSpec {
  /** Props a use must give. */
  required?: readonly string[]
  /** Props whose literal value must be one of a list. */
  oneOf?: Readonly<Record<string, readonly string[]>>
}

/** Every component a post can use without an import. */
export const COMPONENT_SPECS: Readonly<Record<string, ComponentSpec>> = {
  Admonition: { oneOf: { type: ADMONITION_TYPES } },
  Figure: { required: ['src', 'alt'] },
  Stats: {},
  Stat: { required: ['value', 'label'] },
  // What they frame is checked further by remark-embeds (lib/content/embeds.ts).
  YouTube: { required: ['id', 'title'] },
  Vimeo: { required: ['id', 'title'] },
  Embed: { required: ['src', 'title'] },
}

/** GitHub alert markers (`> [!TIP]`) that are not also admonition types. */
export const ALERT_ALIASES: Readonly<Record<string, AdmonitionType>> = {
  important: 'info',
  caution: 'danger',
}
