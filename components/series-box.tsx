import Link from 'next/link'

import type { Post } from '@/lib/content'
import { pagePath } from '@/lib/routes'

/** "Part N of M" of a series, every part listed with this one marked, and the parts either side. */
export function SeriesBox({ info }: { info: NonNullable<Post['seriesInfo']> }) {
  const previous = info.parts[info.part - 2]
  const next = info.parts[info.part]
  return (
    <aside aria-label="Series" className="mb-10 rounded-lg border border-[var(--line)] bg-[var(--surface)] p-5">
      <p className="text-sm text-[var(--muted)]">
        Part {info.part} of {info.total} of the series{' '}
        <Link href={pagePath.series(info.slug)} className="font-semibold text-[var(--link)] hover:underline">
          {info.name}
        </Link>
      </p>
      <ol className="mt-3 list-decimal space-y-1 pl-6 text-[0.95rem]">
        {info.parts.map((part, i) => (
          <li key={part.slug}>
            {i + 1 === info.part ? (
              <span aria-current="page" className="font-semibold">
                {part.title}
              </span>
            ) : (
              <Link href={part.url} className="hover:text-[var(--link)] hover:underline">
                {part.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
      {previous || next ? (
        <p className="mt-4 flex justify-between gap-4 text-sm font-medium">
          {previous ? (
            <Link href={previous.url} className="text-[var(--link)] hover:underline">
              ← Part {info.part - 1}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={next.url} className="text-[var(--link)] hover:underline">
              Part {info.part + 1} →
            </Link>
          ) : null}
        </p>
      ) : null}
    </aside>
  )
}
