import { readEnv } from './env'

/**
 * generateStaticParams for a dynamic route whose list may be empty (a site without series, or
 * with one page of posts). `next build` with `output: 'export'` refuses an empty list, so there
 * the route gets one placeholder, for which the page calls notFound(): the export then holds one
 * unlinked not-found page at that path instead of failing.
 */
export function staticParams<P extends Record<string, string | string[]>>(params: P[], placeholder: P): P[] {
  return params.length || readEnv().INKWELL_OUTPUT !== 'export' ? params : [placeholder]
}

/** The placeholder value for a slug segment; no content can have it (slugs never start with _). */
export const NO_SLUG = '_none'
