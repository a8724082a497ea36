import Link from 'next/link'

import { PageHeader } from '@/components/page-title'
import { UnpublishedBadge } from '@/components/unpublished-badge'
import { formatDate, getContent } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () => pageMetadata({ title: 'Archive', description: 'Every post, by year.', path: pagePath.archive })

export default async function ArchivePage() {
  const { site, archive, posts } = await getContent()
  const short = new Intl.DateTimeFormat(site.language, { month: 'short', day: 'numeric', timeZone: site.timeZone })
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Archive">
        {posts.length} {posts.length === 1 ? 'post' : 'posts'}, newest first.
      </PageHeader>
      {archive.map(({ year, posts: yearPosts }) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mt-10 first-of-type:mt-0">
          <h2 id={`year-${year}`} className="border-b border-[var(--line)] pb-2 text-2xl font-bold tracking-tight">
            {year}
          </h2>
          <ol className="mt-3">
            {yearPosts.map((post) => (
              <li key={post.slug} className="flex gap-4 py-2">
                <time
                  dateTime={post.date.toISOString()}
                  title={formatDate(post.date, site.language, site.timeZone)}
                  className="w-16 shrink-0 pt-0.5 text-sm tabular-nums text-[var(--muted)]"
                >
                  {short.format(post.date)}
                </time>
                <Link href={post.url} className="font-medium hover:text-[var(--link)]">
                  {post.title}
                </Link>
                <UnpublishedBadge post={post} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
