import { PageHeader } from '@/components/page-title'
import { withBasePath } from '@/lib/base-path.mjs'
import { getContent } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { FEED_FORMATS, feedPath, pagePath, type FeedFormat, type FeedOwner } from '@/lib/routes'

export const generateMetadata = () =>
  pageMetadata({ title: 'Feeds', description: 'Follow new posts in a feed reader: the whole site, or one topic.', path: pagePath.feeds })

const FORMATS = Object.keys(FEED_FORMATS) as FeedFormat[]

function FeedRow({ title, owner, count }: { title: string; owner: FeedOwner; count?: number }) {
  return (
    <li className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
      <span>
        <span className="font-medium">{title}</span>
        {count === undefined ? null : <span className="text-sm text-[var(--muted)]"> · {count === 1 ? '1 post' : `${count} posts`}</span>}
      </span>
      <span className="flex gap-3 text-sm">
        {FORMATS.map((format) => (
          <a
            key={format}
            href={withBasePath(feedPath(owner, format))}
            className="text-[var(--link)] underline"
            aria-label={`${title}, ${FEED_FORMATS[format].label}`}
          >
            {FEED_FORMATS[format].label}
          </a>
        ))}
      </span>
    </li>
  )
}

function Group({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-10">
      <h2 className="mb-2 text-xl font-semibold">{title}</h2>
      <ul className="divide-y divide-[var(--line)]">{children}</ul>
    </section>
  )
}

/** Every feed of the site, with a word for readers who have never used one. */
export default async function FeedsPage() {
  const { site, categories, tags, series, byAuthor } = await getContent()
  return (
    <div className="mx-auto max-w-page">
      <PageHeader title="Feeds">Follow new posts in a feed reader: the whole site, or one topic.</PageHeader>
      <div className="prose prose-ink max-w-none">
        <p>
          A feed is a list of the newest posts that a feed reader app checks for you, so that new posts come to you instead of you coming
          back to look. Copy one of the addresses below into your reader (NetNewsWire, Feedly, Thunderbird, Miniflux and many others). Every
          feed has each post in full. The three formats hold the same posts: pick RSS if unsure, Atom or JSON Feed if your reader prefers
          them.
        </p>
      </div>
      <Group title="Everything">
        <FeedRow title={site.title} owner={{ kind: 'site' }} />
      </Group>
      {categories.length ? (
        <Group title="Categories">
          {categories.map((c) => (
            <FeedRow key={c.slug} title={c.name} owner={{ kind: 'categories', slug: c.slug }} count={c.posts.length} />
          ))}
        </Group>
      ) : null}
      {series.length ? (
        <Group title="Series">
          {series.map((s) => (
            <FeedRow key={s.slug} title={s.name} owner={{ kind: 'series', slug: s.slug }} count={s.posts.length} />
          ))}
        </Group>
      ) : null}
      {byAuthor.length ? (
        <Group title="Authors">
          {byAuthor.map((a) => (
            <FeedRow key={a.slug} title={a.name} owner={{ kind: 'authors', slug: a.slug }} count={a.posts.length} />
          ))}
        </Group>
      ) : null}
      {tags.length ? (
        <Group title="Tags">
          {tags.map((t) => (
            <FeedRow key={t.slug} title={`#${t.name}`} owner={{ kind: 'tags', slug: t.slug }} count={t.posts.length} />
          ))}
        </Group>
      ) : null}
    </div>
  )
}
