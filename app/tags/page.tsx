import { TermIndex } from '@/app/_lists/term-pages'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () =>
  pageMetadata({ title: 'Tags', description: 'Every tag, with its number of posts.', path: pagePath.terms('tags') })

export default function TagsPage() {
  return <TermIndex kind="tags" />
}
