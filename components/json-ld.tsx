import { jsonLdText } from '@/lib/metadata'

/** Structured data for search engines (schema.org), as JSON-LD. */
export function JsonLd({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
}
