// The package ships no types: the spec's text and its examples, as its index.js reads them.
declare module 'commonmark-spec' {
  /** One example of the spec: Markdown (tabs written →) and the HTML it must become. */
  export interface Example {
    markdown: string
    html: string
    section: string
    number: number
  }
  export const text: string
  export const tests: Example[]
  const spec: { text: string; tests: Example[] }
  export default spec
}
