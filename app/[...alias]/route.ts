import { aliasProblems, aliasTargets, APP_DIR, redirectPage, reservedSegments } from '@/lib/aliases'
import { withBasePath } from '@/lib/base-path.mjs'
import { contentOptions, formatProblem, getContent } from '@/lib/content'
import { readEnv } from '@/lib/env'
import { NO_SLUG, staticParams } from '@/lib/static-params'
import { absoluteUrl, encodePath } from '@/lib/urls'

// Old URLs of posts (frontmatter `aliases`). Under next start: a real 308 to the post. In a
// static export there is no status to send, so each alias becomes a file with a canonical link
// and a refresh (lib/aliases.ts says where). Routes of the site itself always win over this one.
export const dynamic = 'force-static'
export const dynamicParams = false

const staticExport = readEnv().INKWELL_OUTPUT === 'export'

export async function generateStaticParams() {
  const { posts, paths } = await getContent()
  // npm run check reports these first, at the alias's line; this stops a bare next build too.
  const problems = aliasProblems(posts, reservedSegments(APP_DIR), { paths, publicDir: contentOptions().publicDir })
  if (problems.length) throw new Error(problems.map((p) => formatProblem(p)).join('\n'))
  const params = [...aliasTargets(posts, staticExport).keys()].map((key) => ({ alias: key.split('/') }))
  return staticParams(params, { alias: [NO_SLUG] })
}

export async function GET(_request: Request, { params }: RouteContext<'/[...alias]'>) {
  const { site, posts } = await getContent()
  const post = aliasTargets(posts, staticExport).get((await params).alias.join('/'))
  if (!post) return new Response('Not found', { status: 404 })
  // Root-relative, under the base path: an export previewed on localhost stays on localhost.
  const href = withBasePath(encodePath(post.url))
  const body = redirectPage({ href, canonical: absoluteUrl(site.url, post.url), title: post.title, lang: site.language })
  const headers = { 'Content-Type': 'text/html; charset=utf-8' }
  // Location is a path, so the redirect stays on whichever host served the old URL.
  // Encoded: a header carries ASCII only, and a post's path may be 日本語.
  return staticExport ? new Response(body, { headers }) : new Response(body, { status: 308, headers: { ...headers, Location: href } })
}
