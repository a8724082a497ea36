import { HomePage } from '@/app/_lists/home-page'
import { JsonLd } from '@/components/json-ld'
import { getContent } from '@/lib/content'
import { blogJsonLd, pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'

export const generateMetadata = () => pageMetadata({ path: pagePath.home() })

export default async function Home() {
  const { site, defaultAuthor, published } = await getContent()
  return (
    <>
      <JsonLd data={blogJsonLd(site, defaultAuthor, published.posts.slice(0, site.postsPerPage))} />
      <HomePage page={1} />
    </>
  )
}
