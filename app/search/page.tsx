import Link from 'next/link'

import { PageHeader } from '@/components/page-title'
import { SearchPanel } from '@/components/search/search-panel'
import { pagePath } from '@/lib/routes'

export const metadata = { title: 'Search', description: 'Search every post.', alternates: { canonical: pagePath.search } }

export default function SearchPage() {
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Search" />
      <SearchPanel inUrl />
      <noscript>
        <p className="mt-4 text-[var(--muted)]">
          Search runs in your browser and needs JavaScript. Every post is listed in the{' '}
          <Link href="/archive" className="text-[var(--link)] underline">
            archive
          </Link>
          .
        </p>
      </noscript>
    </div>
  )
}
