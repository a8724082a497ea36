import { TermIndex } from '@/app/_lists/term-pages'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () =>
  pageMetadata({ title: 'Categories', description: 'Every category, with its number of posts.', path: pagePath.terms('categories') })

export default function CategoriesPage() {
  return <TermIndex kind="categories" />
}
