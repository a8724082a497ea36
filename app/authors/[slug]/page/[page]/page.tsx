import { authorMetadata, authorParams, AuthorPosts } from '@/app/_lists/author-pages'

export const dynamicParams = false
export const generateStaticParams = () => authorParams(true)

export async function generateMetadata({ params }: PageProps<'/authors/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return authorMetadata(slug, Number(page))
}

export default async function Page({ params }: PageProps<'/authors/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <AuthorPosts slug={slug} page={Number(page)} />
}
