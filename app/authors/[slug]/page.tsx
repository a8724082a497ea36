import { authorMetadata, authorParams, AuthorPosts } from '@/app/_lists/author-pages'

export const dynamicParams = false
export const generateStaticParams = () => authorParams(false)

export async function generateMetadata({ params }: PageProps<'/authors/[slug]'>) {
  return authorMetadata((await params).slug)
}

export default async function Page({ params }: PageProps<'/authors/[slug]'>) {
  return <AuthorPosts slug={(await params).slug} page={1} />
}
