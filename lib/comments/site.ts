import { getContent, getPost, type Post, type SiteConfig } from '@/lib/content'
import { getDatabase, type Db } from './db'
import { serverSecret } from './secrets'
import { isOpen, postOverrides } from './store'

/** Whether a post takes comments before the author's admin override: frontmatter, else site.yaml. */
export function defaultOpen(site: SiteConfig, post: Post): boolean {
  return post.comments ?? site.comments.enabled
}

/** What the comment routes need: the database, the server secret, the site. */
export async function commentServer(): Promise<{ db: Db; secret: string; site: SiteConfig }> {
  const [{ db }, { site }] = await Promise.all([getDatabase(), getContent()])
  return { db, secret: await serverSecret(db), site }
}

/** The published post with this slug and whether it takes comments now; undefined for no such post. */
export async function commentablePost(db: Db, site: SiteConfig, slug: string | null): Promise<{ post: Post; open: boolean } | undefined> {
  const post = slug ? await getPost(slug) : undefined
  if (!post || post.unpublished) return undefined
  return { post, open: await isOpen(db, post.slug, defaultOpen(site, post)) }
}

/** Every published post with whether it takes comments (the admin's list). */
export async function postsWithState(db: Db): Promise<{ post: Post; open: boolean }[]> {
  const [{ published, site }, overrides] = await Promise.all([getContent(), postOverrides(db)])
  return published.posts.map((post) => ({ post, open: overrides.get(post.slug) ?? defaultOpen(site, post) }))
}

/** Origins other than this server's that may use the API: the site's own, when its pages are exported elsewhere. */
export function allowedOrigins(site: SiteConfig): string[] {
  return [new URL(site.url).origin]
}
