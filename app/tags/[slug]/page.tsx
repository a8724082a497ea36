import { termMetadata, termParams, TermPosts } from '@/app/_lists/term-pages'

export const dynamicParams = false
export const generateStaticParams = () => termParams('tags')

export async function generateMetadata({ params }: PageProps<'/tags/[slug]'>) {
  return termMetadata('tags', (await params).slug)
}

export default async function Page({ params }: PageProps<'/tags/[slug]'>) {
  return <TermPosts kind="tags" slug={(await params).slug} page={1} />
}
