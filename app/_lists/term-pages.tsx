import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { PageHeader } from '@/components/page-title'
import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { getContent, getListPage, getListPages, getTerm, type TermKind } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'
import { NO_SLUG, staticParams } from '@/lib/static-params'

// Categories and tags have the same pages; these serve both, so each route file is a few lines.

const LABEL: Record<TermKind, { plural: string; singular: string; intro: string }> = {
  categories: { plural: 'Categories', singular: 'Category', intro: 'Every category, with its number of posts.' },
  tags: { plural: 'Tags', singular: 'Tag', intro: 'Every tag, with its number of posts.' },
}

/** /categories and /tags: every name with its post count. */
export async function TermIndex({ kind }: { kind: TermKind }) {
  const terms = (await getContent())[kind]
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title={LABEL[kind].plural}>{LABEL[kind].intro}</PageHeader>
      <ul className="flex flex-wrap gap-3">
        {terms.map((term) => (
          <li key={term.slug}>
            <Link
              href={pagePath.term(kind, term.slug)}
              className="inline-flex items-center gap-2 rounded-full border border-[var(--line)] px-4 py-2 hover:border-[var(--link)]"
            >
              <span className="font-medium">{kind === 'tags' ? `#${term.name}` : term.name}</span>
              <span className="text-sm text-[var(--muted)]">
                {term.posts.length} {term.posts.length === 1 ? 'post' : 'posts'}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** /categories/<slug>[/page/N] and the same for tags: the term's posts, paginated. */
export async function TermPosts({ kind, slug, page }: { kind: TermKind; slug: string; page: number }) {
  const { site } = await getContent()
  const term = await getTerm(kind, slug)
  const list = term && (await getListPage(pagePath.term(kind, term.slug, page)))
  if (!term || !list?.posts.length) notFound()
  const { posts: items, pages } = list
  return (
    <div className="mx-auto max-w-page">
      <PageHeader
        label={
          <Link href={pagePath.terms(kind)} className="hover:underline">
            {LABEL[kind].singular}
          </Link>
        }
        title={kind === 'tags' ? `#${term.name}` : term.name}
      >
        {term.posts.length} {term.posts.length === 1 ? 'post' : 'posts'}
        {pages > 1 ? `, page ${page} of ${pages}` : ''}
      </PageHeader>
      {/* Lists show categories, not tags: only a category would repeat on every item. */}
      <PostList posts={items} site={site} category={kind === 'categories' ? term.slug : undefined} />
      <Pagination page={page} pages={pages} href={(n) => pagePath.term(kind, term.slug, n)} />
    </div>
  )
}

/** Static params for /<kind>/<slug>. */
export async function termParams(kind: TermKind) {
  return staticParams(
    (await getContent())[kind].map((term) => ({ slug: term.slug })),
    { slug: NO_SLUG },
  )
}

/** Static params for /<kind>/<slug>/page/<n>, n ≥ 2. */
export async function termPageParams(kind: TermKind) {
  const params = (await getListPages()).flatMap(({ list, page }) =>
    list.kind === kind && page > 1 ? [{ slug: list.slug, page: String(page) }] : [],
  )
  return staticParams(params, { slug: NO_SLUG, page: '2' })
}

/** Title, description and canonical URL of a term page. */
export async function termMetadata(kind: TermKind, slug: string, page = 1): Promise<Metadata> {
  const term = await getTerm(kind, slug)
  if (!term) return {}
  const { site } = await getContent()
  return pageMetadata({
    title: `${LABEL[kind].singular}: ${term.name}${page > 1 ? `, page ${page}` : ''}`,
    description: `Posts ${kind === 'tags' ? 'tagged' : 'in'} ${term.name}.`,
    path: pagePath.term(kind, term.slug, page),
    feeds: [{ title: `${site.title}: ${kind === 'tags' ? '#' : ''}${term.name}`, owner: { kind, slug: term.slug } }],
  })
}
