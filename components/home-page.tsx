import { notFound } from 'next/navigation'

import { getContent, paginate } from '@/lib/content'
import { PageHeader } from './page-title'
import { Pagination } from './pagination'
import { PostList } from './post-list'

const pageHref = (n: number) => (n === 1 ? '/' : `/page/${n}`)

/** Page `page` of the newest posts: `/` and `/page/N` both render this. */
export async function HomePage({ page }: { page: number }) {
  const { site, posts } = await getContent()
  const { items, pages } = paginate(posts, page, site.postsPerPage)
  if (page < 1 || page > pages) notFound()
  return (
    <div className="mx-auto max-w-page">
      {page === 1 ? (
        <PageHeader title={site.title}>{site.description}</PageHeader>
      ) : (
        <PageHeader title={`Posts, page ${page} of ${pages}`} />
      )}
      {items.length ? <PostList posts={items} site={site} /> : <p>No posts yet.</p>}
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  )
}

/** The page numbers after the first, for generateStaticParams. */
export async function extraPageNumbers(): Promise<number[]> {
  const { site, posts } = await getContent()
  const { pages } = paginate(posts, 1, site.postsPerPage)
  return Array.from({ length: pages - 1 }, (_, i) => i + 2)
}
