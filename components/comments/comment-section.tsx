import { basePath } from '@/lib/base-path.mjs'
import type { Post, SiteConfig } from '@/lib/content'
import { readEnv } from '@/lib/env'
import { commentPaths } from '@/lib/routes'
import { CommentsIsland } from './comments-island'

/**
 * The comment section of a post page. The page stays static: comments come from the API through a
 * small client island; readers without JavaScript follow the <noscript> link to the post's
 * server-rendered comments page. A static export talks to `comments.endpoint`, or has no section.
 */
export function CommentSection({ post, site }: { post: Post; site: SiteConfig }) {
  const exported = readEnv().INKWELL_OUTPUT === 'export'
  // This site's own API is under its base path; another server's address includes its own.
  const endpoint = exported ? site.comments.endpoint?.replace(/\/+$/, '') : basePath()
  if (endpoint === undefined || post.unpublished) return null
  return (
    <section id="comments" aria-labelledby="comments-title" className="mt-16 border-t border-[var(--line)] pt-10">
      <h2 id="comments-title" className="mb-6 text-2xl font-bold tracking-tight">
        Comments
      </h2>
      <noscript>
        <p>
          <a href={`${endpoint}${commentPaths.page(post)}`} className="font-semibold text-[var(--link)] underline">
            Read the comments and write one
          </a>{' '}
          on a page that needs no JavaScript.
        </p>
      </noscript>
      <CommentsIsland post={post.slug} endpoint={endpoint} language={site.language} timeZone={site.timeZone} />
    </section>
  )
}
