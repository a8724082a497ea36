import type { MetadataRoute } from 'next'

import { contentOptions, getContent } from '@/lib/content'
import { sitemapEntries } from '@/lib/sitemap'

export const dynamic = 'force-static'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getContent(), contentOptions().pages ?? [])
}
