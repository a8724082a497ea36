import { TermIndex } from '@/components/term-pages'
import { pageMetadata } from '@/lib/metadata'

export const generateMetadata = () => pageMetadata({ title: 'Tags', description: 'Every tag, with its number of posts.', path: '/tags' })

export default function TagsPage() {
  return <TermIndex kind="tags" />
}
