import type { MetadataRoute } from 'next'

import { contentOptions, getContent } from '@/lib/content'
import { absoluteUrl } from '@/lib/urls'

export const dynamic = 'force-static'

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { site } = await getContent()
  return {
    // A preview build (INKWELL_DRAFTS=1) holds unpublished posts: crawlers stay out entirely.
    rules: contentOptions().includeDrafts ? { userAgent: '*', disallow: '/' } : { userAgent: '*', allow: '/' },
    sitemap: absoluteUrl(site.url, '/sitemap.xml'),
  }
}
