import { termMetadata, termPageParams, TermPosts } from '@/app/_lists/term-pages'

export const dynamicParams = false
export const generateStaticParams = () => termPageParams('tags')

export async function generateMetadata({ params }: PageProps<'/tags/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return termMetadata('tags', slug, Number(page))
}

export default async function Page({ params }: PageProps<'/tags/[slug]/page/[page]'>) {
  const { slug, page } = await params
  return <TermPosts kind="tags" slug={slug} page={Number(page)} />
}
