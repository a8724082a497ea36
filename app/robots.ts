import type { MetadataRoute } from 'next'

import { withBasePath } from '@/lib/base-path.mjs'
import { contentOptions, getContent } from '@/lib/content'
import { absoluteUrl } from '@/lib/urls'

export const dynamic = 'force-static'

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { site } = await getContent()
  return {
    // A preview build (INKWELL_DRAFTS=1) holds unpublished posts: crawlers stay out entirely.
    // Under a base path, for a host that serves this file at its root too.
    rules: contentOptions().includeDrafts ? { userAgent: '*', disallow: withBasePath('/') } : { userAgent: '*', allow: withBasePath('/') },
    sitemap: absoluteUrl(site.url, '/sitemap.xml'),
  }
}
