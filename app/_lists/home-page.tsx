import { notFound } from 'next/navigation'

import { PageHeader } from '@/components/page-title'
import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { getContent, getListPage, getListPages } from '@/lib/content'
import { pagePath } from '@/lib/routes'

/** Page `page` of the newest posts: `/` and `/page/N` both render this. */
export async function HomePage({ page }: { page: number }) {
  const [{ site }, list] = await Promise.all([getContent(), getListPage(pagePath.home(page))])
  if (!list) notFound()
  return (
    <div className="mx-auto max-w-page">
      {page === 1 ? (
        <PageHeader title={site.title}>{site.description}</PageHeader>
      ) : (
        <PageHeader title={`Posts, page ${page} of ${list.pages}`} />
      )}
      {list.posts.length ? <PostList posts={list.posts} site={site} /> : <p>No posts yet.</p>}
      <Pagination page={page} pages={list.pages} href={pagePath.home} />
    </div>
  )
}

/** The page numbers after the first, for generateStaticParams. */
export async function extraPageNumbers(): Promise<number[]> {
  return (await getListPages()).filter((p) => p.list.kind === 'home' && p.page > 1).map((p) => p.page)
}
