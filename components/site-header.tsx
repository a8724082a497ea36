import Link from 'next/link'

import { withBasePath } from '@/lib/base-path.mjs'
import type { SiteConfig } from '@/lib/content'
import { feedPath, pagePath } from '@/lib/routes'
import { SearchButton } from './search/search-button'
import { ThemeToggle } from './theme-toggle'

/** Site title, navigation, search and the theme toggle. */
export function SiteHeader({ site }: { site: SiteConfig }) {
  return (
    <header className="border-b border-[var(--line)]">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-5 py-4">
        <Link href={pagePath.home()} className="mr-auto text-lg font-bold tracking-tight text-[var(--fg)] no-underline">
          {site.title}
        </Link>
        <nav aria-label="Main" className="order-last w-full sm:order-none sm:w-auto">
          <ul className="-mx-2 flex flex-wrap items-center gap-x-1 text-[0.95rem]">
            {site.nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded-md px-2 py-1.5 text-[var(--muted)] hover:text-[var(--fg)]">
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <a
                href={withBasePath(feedPath({ kind: 'site' }))}
                className="rounded-md px-2 py-1.5 text-[var(--muted)] hover:text-[var(--fg)]"
              >
                RSS
              </a>
            </li>
          </ul>
        </nav>
        <div className="flex items-center gap-1">
          <SearchButton />
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}
