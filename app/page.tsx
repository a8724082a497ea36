import { HomePage } from '@/components/home-page'
import { JsonLd } from '@/components/json-ld'
import { getContent } from '@/lib/content'
import { blogJsonLd, pageMetadata } from '@/lib/metadata'
import { publicPosts } from '@/lib/urls'

export const generateMetadata = () => pageMetadata({ path: '/' })

export default async function Home() {
  const { site, defaultAuthor, posts } = await getContent()
  return (
    <>
      <JsonLd data={blogJsonLd(site, defaultAuthor, publicPosts(posts).slice(0, site.postsPerPage))} />
      <HomePage page={1} />
    </>
  )
}
