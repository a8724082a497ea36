import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { CategoryLinks } from '@/components/category-links'
import { CommentSection } from '@/components/comments/comment-section'
import { PostBody } from '@/components/post-body'
import { PostMeta } from '@/components/post-meta'
import { PostWarnings } from '@/components/post-warnings'
import { RelatedPosts } from '@/components/related-posts'
import { SeriesBox } from '@/components/series-box'
import { TableOfContents } from '@/components/table-of-contents'
import { UnpublishedBadge } from '@/components/unpublished-badge'
import { withBasePath } from '@/lib/base-path.mjs'
import { devPostFiles, getContent, getPost, postCode, throwIfBroken } from '@/lib/content'
import { MATH_STYLESHEET } from '@/lib/math-stylesheet'
import { postMetadata } from '@/lib/metadata'
import { SEARCH_BODY } from '@/lib/search-index'
import { NO_SLUG, staticParams } from '@/lib/static-params'

export const dynamicParams = false

export async function generateStaticParams() {
  const posts = devPostFiles() ?? (await getContent()).posts
  return staticParams(
    posts.map((post) => ({ slug: post.slug })),
    { slug: NO_SLUG },
  )
}

export async function generateMetadata({ params }: PageProps<'/posts/[slug]'>): Promise<Metadata> {
  const post = await getPost((await params).slug)
  return post ? postMetadata(post) : {}
}

export default async function PostPage({ params }: PageProps<'/posts/[slug]'>) {
  const post = await getPost((await params).slug)
  if (!post) notFound()
  // next dev: a post with errors shows them here (app/error.tsx), and only its own page fails.
  throwIfBroken(post)
  const { site } = await getContent()
  const showToc = post.toc && post.headings.length >= 2
  // The search index (scripts/search-index.mts) takes the title and text of published posts only.
  const searchable = post.unpublished ? {} : { [SEARCH_BODY]: '' }

  return (
    <article className={showToc ? 'lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-14' : undefined}>
      <div className="mx-auto w-full max-w-[42rem] min-w-0">
        <PostWarnings post={post} />
        <header className="mb-10">
          <CategoryLinks categories={post.terms.categories} className="mb-3" />
          <h1 {...searchable} className="text-3xl font-bold tracking-tight text-balance sm:text-[2.6rem] sm:leading-[1.15]">
            {post.title}
          </h1>
          {post.unpublished ? (
            <p className="mt-3">
              <UnpublishedBadge post={post} />
            </p>
          ) : null}
          <div className="mt-4">
            <PostMeta post={post} site={site} showAuthor />
          </div>
        </header>

        {post.cover ? (
          // The cover is the largest thing above the fold: load it first, at its known size.
          <img
            src={withBasePath(post.cover.url)}
            alt=""
            width={post.cover.width}
            height={post.cover.height}
            fetchPriority="high"
            decoding="async"
            className="mb-10 h-auto w-full rounded-xl"
          />
        ) : null}

        {post.seriesInfo ? <SeriesBox info={post.seriesInfo} /> : null}

        {showToc ? <TableOfContents headings={post.headings} variant="inline" /> : null}

        <div {...searchable} className="prose prose-ink max-w-none">
          {/* KaTeX's styles and fonts, only where there is math (React puts the link in the head). */}
          {post.math ? <link rel="stylesheet" href={withBasePath(MATH_STYLESHEET)} precedence="default" /> : null}
          <PostBody code={postCode(post)} />
        </div>

        {post.terms.tags.length ? (
          <ul aria-label="Tags" className="mt-12 flex flex-wrap gap-2">
            {post.terms.tags.map((tag) => (
              <li key={tag.slug}>
                <Link
                  href={tag.url}
                  className="inline-block rounded-full border border-[var(--line)] px-3 py-1 text-sm text-[var(--muted)] hover:border-[var(--link)] hover:text-[var(--fg)]"
                >
                  #{tag.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}

        <RelatedPosts posts={post.related} />

        {post.previous || post.next ? (
          <nav aria-label="More posts" className="mt-12 grid gap-4 border-t border-[var(--line)] pt-8 sm:grid-cols-2">
            {post.previous ? (
              <Link
                href={post.previous.url}
                rel="prev"
                className="group rounded-lg border border-[var(--line)] p-4 hover:border-[var(--link)]"
              >
                <span className="block text-xs uppercase tracking-wider text-[var(--muted)]">Previous post</span>
                <span className="mt-1 block font-semibold group-hover:text-[var(--link)]">{post.previous.title}</span>
              </Link>
            ) : (
              <span />
            )}
            {post.next ? (
              <Link
                href={post.next.url}
                rel="next"
                className="group rounded-lg border border-[var(--line)] p-4 text-right hover:border-[var(--link)]"
              >
                <span className="block text-xs uppercase tracking-wider text-[var(--muted)]">Next post</span>
                <span className="mt-1 block font-semibold group-hover:text-[var(--link)]">{post.next.title}</span>
              </Link>
            ) : null}
          </nav>
        ) : null}

        <CommentSection post={post} site={site} />
      </div>
      {showToc ? (
        // Not an <aside>: the nav inside is the landmark, and a second, unnamed complementary one
        // next to the series box would only add noise.
        <div className="hidden lg:block">
          <TableOfContents headings={post.headings} variant="sidebar" />
        </div>
      ) : null}
    </article>
  )
}
