import Link from 'next/link'
import type { SiteConfig } from '@/lib/content'

/** Copyright, navigation again, and the feed. */
export function SiteFooter({ site, authorName }: { site: SiteConfig; authorName: string }) {
  return (
    <footer className="mt-20 border-t border-[var(--line)]">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-5 py-8 text-sm text-[var(--muted)] sm:flex-row sm:items-center sm:justify-between">
        <p>{site.copyright ?? `© ${authorName}`} · Built with Inkwell</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href="/" className="hover:text-[var(--fg)]">Home</Link>
            </li>
            {site.nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-[var(--fg)]">{item.label}</Link>
              </li>
            ))}
            <li>
              <a href="/feed.xml" className="hover:text-[var(--fg)]">RSS feed</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  )
}
