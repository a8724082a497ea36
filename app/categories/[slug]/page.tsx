import { termMetadata, termParams, TermPosts } from '@/app/_lists/term-pages'

export const dynamicParams = false
export const generateStaticParams = () => termParams('categories')

export async function generateMetadata({ params }: PageProps<'/categories/[slug]'>) {
  return termMetadata('categories', (await params).slug)
}

export default async function Page({ params }: PageProps<'/categories/[slug]'>) {
  return <TermPosts kind="categories" slug={(await params).slug} page={1} />
}
