import Link from 'next/link'

import { PageHeader } from '@/components/page-title'
import { formatDate, getContent } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () =>
  pageMetadata({ title: 'Series', description: 'Posts written to be read in order.', path: pagePath.allSeries })

export default async function SeriesIndex() {
  const { site, series } = await getContent()
  const date = (d: Date) => formatDate(d, site.language, site.timeZone)
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Series">Posts written to be read in order.</PageHeader>
      <ul className="space-y-4">
        {series.map((s) => (
          <li key={s.slug}>
            <Link href={pagePath.series(s.slug)} className="block rounded-lg border border-[var(--line)] p-5 hover:border-[var(--link)]">
              <span className="block text-xl font-semibold">{s.name}</span>
              <span className="mt-1 block text-sm text-[var(--muted)]">
                {s.posts.length} {s.posts.length === 1 ? 'part' : 'parts'} · <time dateTime={s.first.toISOString()}>{date(s.first)}</time>
                {s.last.getTime() !== s.first.getTime() ? (
                  <>
                    {' – '}
                    <time dateTime={s.last.toISOString()}>{date(s.last)}</time>
                  </>
                ) : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
