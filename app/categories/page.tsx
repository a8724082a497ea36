import { TermIndex } from '@/components/term-pages'

export const metadata = { title: 'Categories', alternates: { canonical: '/categories' } }

export default function CategoriesPage() {
  return <TermIndex kind="categories" />
}
