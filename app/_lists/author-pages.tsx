import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { JsonLd } from '@/components/json-ld'
import { PageHeader } from '@/components/page-title'
import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { withBasePath } from '@/lib/base-path.mjs'
import { getContent, getListPage, getListPages, type Author } from '@/lib/content'
import { pageMetadata, personJsonLd } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'
import { NO_SLUG, staticParams } from '@/lib/static-params'
import { fromParam } from '@/lib/urls'

// /authors and /authors/<id>[/page/N]: authors with a file in content/authors/, and their posts.

const count = (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`

function Avatar({ author, size }: { author: Author; size: number }) {
  if (!author.avatar) return null
  // A fixed box: no shift while the image loads.
  return (
    <img
      src={withBasePath(author.avatar)}
      alt=""
      width={size}
      height={size}
      className="shrink-0 rounded-full object-cover"
      style={{ width: size, height: size }}
    />
  )
}

/** /authors: every author with a page, with their number of posts. */
export async function AuthorIndex() {
  const { byAuthor } = await getContent()
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Authors">Everyone who writes here, with their number of posts.</PageHeader>
      {byAuthor.length ? (
        <ul className="space-y-4">
          {byAuthor.map(({ slug, author, posts }) => (
            <li key={slug}>
              <Link
                href={pagePath.author(slug)}
                className="flex items-center gap-4 rounded-lg border border-[var(--line)] p-4 hover:border-[var(--link)]"
              >
                <Avatar author={author} size={48} />
                <span>
                  <span className="block font-semibold">{author.name}</span>
                  <span className="block text-sm text-[var(--muted)]">{count(posts.length)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No author has a page yet: add one in content/authors/.</p>
      )}
    </div>
  )
}

/** /authors/<id>[/page/N]: who they are, then their posts, paginated like a category. */
export async function AuthorPosts({ slug, page }: { slug: string; page: number }) {
  const { site, byAuthor } = await getContent()
  const entry = byAuthor.find((a) => a.slug === fromParam(slug))
  const list = entry && (await getListPage(pagePath.author(entry.slug, page)))
  if (!entry || !list?.posts.length) notFound()
  const { author } = entry
  return (
    <div className="mx-auto max-w-page">
      <JsonLd data={{ '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: personJsonLd(site, author) }} />
      <div className="mb-8 flex items-start gap-5">
        <Avatar author={author} size={80} />
        <div className="min-w-0">
          <PageHeader
            label={
              <Link href={pagePath.authors} className="hover:underline">
                Author
              </Link>
            }
            title={author.name}
          >
            {count(entry.posts.length)}
            {list.pages > 1 ? `, page ${page} of ${list.pages}` : ''}
          </PageHeader>
          {author.bio ? <p className="-mt-4 text-pretty">{author.bio}</p> : null}
          {author.links.length || author.email ? (
            <ul aria-label={`${author.name} elsewhere`} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {author.links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} rel="me" className="text-[var(--link)] underline">
                    {link.label}
                  </a>
                </li>
              ))}
              {author.email ? (
                <li>
                  <a href={`mailto:${author.email}`} className="text-[var(--link)] underline">
                    {author.email}
                  </a>
                </li>
              ) : null}
            </ul>
          ) : null}
        </div>
      </div>
      <PostList posts={list.posts} site={site} />
      <Pagination page={page} pages={list.pages} href={(n) => pagePath.author(entry.slug, n)} />
    </div>
  )
}

/** Static params for /authors/<id> (page 1) or /authors/<id>/page/<n>. */
export async function authorParams(paged: boolean) {
  const pages = (await getListPages()).flatMap(({ list, page }) =>
    list.kind === 'authors' && (paged ? page > 1 : page === 1) ? [{ slug: list.slug, page: String(page) }] : [],
  )
  return paged
    ? staticParams(pages, { slug: NO_SLUG, page: '2' })
    : staticParams(
        pages.map(({ slug }) => ({ slug })),
        { slug: NO_SLUG },
      )
}

/** Title, description, canonical URL and feeds of an author page. */
export async function authorMetadata(slug: string, page = 1): Promise<Metadata> {
  const { site, byAuthor } = await getContent()
  const entry = byAuthor.find((a) => a.slug === fromParam(slug))
  if (!entry) return {}
  return pageMetadata({
    title: `${entry.name}${page > 1 ? `, page ${page}` : ''}`,
    description: entry.author.bio ?? `Posts by ${entry.name}.`,
    path: pagePath.author(entry.slug, page),
    feeds: [{ title: `${site.title}: ${entry.name}`, owner: { kind: 'authors', slug: entry.slug } }],
  })
}
