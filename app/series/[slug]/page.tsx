import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { PageHeader } from '@/components/page-title'
import { PostBody } from '@/components/post-body'
import { PostMeta } from '@/components/post-meta'
import { getContent, getSeries } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'
import { NO_SLUG, staticParams } from '@/lib/static-params'

export const dynamicParams = false

export async function generateStaticParams() {
  return staticParams(
    (await getContent()).series.map((s) => ({ slug: s.slug })),
    { slug: NO_SLUG },
  )
}

export async function generateMetadata({ params }: PageProps<'/series/[slug]'>): Promise<Metadata> {
  const series = await getSeries((await params).slug)
  if (!series) return {}
  const { site } = await getContent()
  return pageMetadata({
    title: `Series: ${series.name}`,
    description: `${series.posts.length} posts, in order: ${series.posts.map((p) => p.title).join('; ')}.`,
    path: pagePath.series(series.slug),
    feeds: [{ title: `${site.title}: ${series.name}`, owner: { kind: 'series', slug: series.slug } }],
  })
}

export default async function SeriesPage({ params }: PageProps<'/series/[slug]'>) {
  const series = await getSeries((await params).slug)
  if (!series) notFound()
  const { site } = await getContent()
  return (
    <div className="mx-auto max-w-page">
      <PageHeader
        label={
          <Link href="/series" className="hover:underline">
            Series
          </Link>
        }
        title={series.name}
      >
        {series.posts.length} {series.posts.length === 1 ? 'part' : 'parts'}
      </PageHeader>
      {series.description ? (
        <div className="prose prose-ink mb-8 max-w-none">
          <PostBody code={series.description} />
        </div>
      ) : null}
      <ol className="space-y-6">
        {series.posts.map((post, i) => (
          <li key={post.slug} className="grid grid-cols-[2.5rem_1fr] gap-3">
            <span
              aria-hidden="true"
              className="mt-1 flex size-8 items-center justify-center rounded-full bg-[var(--surface)] font-semibold"
            >
              {i + 1}
            </span>
            <div>
              <h2 className="text-xl font-semibold">
                <Link href={post.url} className="hover:text-[var(--link)]">
                  <span className="sr-only">Part {i + 1}: </span>
                  {post.title}
                </Link>
              </h2>
              <div className="mt-1">
                <PostMeta post={post} site={site} />
              </div>
              <p className="mt-2 text-pretty">{post.summary}</p>
            </div>
          </li>
        ))}
      </ol>
    </div>
  )
}
