import { JsonLd } from '@/components/json-ld'
import { getContent, getPost } from '@/lib/content'
import { postJsonLd } from '@/lib/metadata'

// The post's BlogPosting JSON-LD, here rather than in page.tsx so the page stays about the reader.
export default async function PostLayout({ children, params }: LayoutProps<'/posts/[slug]'>) {
  const post = await getPost((await params).slug)
  const { site } = await getContent()
  return (
    <>
      {post ? <JsonLd data={postJsonLd(site, post)} /> : null}
      {children}
    </>
  )
}
