import { TermIndex } from '@/components/term-pages'
import { pageMetadata } from '@/lib/metadata'

export const generateMetadata = () =>
  pageMetadata({ title: 'Categories', description: 'Every category, with its number of posts.', path: '/categories' })

export default function CategoriesPage() {
  return <TermIndex kind="categories" />
}
