import { termMetadata, termPageParams, TermPosts } from '@/app/_lists/term-pages'

export const dynamicParams = false
export const generateStaticParams = () => termPageParams('categories')

export async function generateMetadata({ params }: PageProps<'/categories/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return termMetadata('categories', slug, Number(page))
}

export default async function Page({ params }: PageProps<'/categories/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <TermPosts kind="categories" slug={slug} page={Number(page)} />
}
