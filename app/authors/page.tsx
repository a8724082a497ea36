import { AuthorIndex } from '@/app/_lists/author-pages'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () =>
  pageMetadata({ title: 'Authors', description: 'Everyone who writes here, with their number of posts.', path: pagePath.authors })

export default function AuthorsPage() {
  return <AuthorIndex />
}
