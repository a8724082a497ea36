import Link from 'next/link'

import type { SiteConfig } from '@/lib/content'
import { pagePath } from '@/lib/routes'

/** Copyright, navigation again, and the feeds page. */
export function SiteFooter({ site, authorName }: { site: SiteConfig; authorName: string }) {
  // On a phone the links sit in a grid of three columns, each a full-height tap target.
  const link = 'flex min-h-9 items-center rounded-md px-2 hover:text-[var(--fg)]'
  return (
    <footer className="mt-20 border-t border-[var(--line)]">
      <div className="mx-auto flex max-w-5xl flex-col gap-4 px-5 py-8 text-sm text-[var(--muted)] md:flex-row md:items-center md:justify-between">
        <p>{site.copyright ?? `© ${authorName}`} · Built with Inkwell</p>
        <nav aria-label="Footer">
          <ul className="-mx-2 grid grid-cols-3 gap-x-2 gap-y-1 sm:flex sm:flex-wrap">
            <li>
              <Link href={pagePath.home()} className={link}>
                Home
              </Link>
            </li>
            {site.nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={link}>
                  {item.label}
                </Link>
              </li>
            ))}
            <li>
              <Link href={pagePath.feeds} className={link}>
                Feeds
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
