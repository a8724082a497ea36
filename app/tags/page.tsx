import { TermIndex } from '@/components/term-pages'

export const metadata = { title: 'Tags', alternates: { canonical: '/tags' } }

export default function TagsPage() {
  return <TermIndex kind="tags" />
}
