import { notFound } from 'next/navigation'
import { getContent, paginate } from '@/lib/content'
import { Pagination } from './pagination'
import { PostList } from './post-list'

const pageHref = (n: number) => (n === 1 ? '/' : `/page/${n}`)

/** Page `page` of the newest posts: `/` and `/page/N` both render this. */
export async function HomePage({ page }: { page: number }) {
  const { site, posts } = await getContent()
  const { items, pages } = paginate(posts, page, site.postsPerPage)
  if (page < 1 || page > pages) notFound()
  return (
    <div className="mx-auto max-w-3xl">
      {page === 1 ? (
        <header className="mb-8">
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{site.title}</h1>
          <p className="mt-3 text-lg text-[var(--muted)]">{site.description}</p>
        </header>
      ) : (
        <h1 className="mb-8 text-2xl font-bold tracking-tight">
          Posts, page {page} of {pages}
        </h1>
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
