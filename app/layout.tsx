import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { ContentReloader } from '@/components/content-reloader'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { ThemeScript } from '@/components/theme-script'
import { getContent } from '@/lib/content'
import { siteMetadata } from '@/lib/metadata'
import { inter } from './fonts'

import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  return siteMetadata()
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fdfdfc' },
    { media: '(prefers-color-scheme: dark)', color: '#121316' },
  ],
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { site, defaultAuthor } = await getContent()
  return (
    // The theme script changes the class before hydration; React must not undo it.
    <html lang={site.language} className={inter.variable} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="flex min-h-screen flex-col antialiased">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader site={site} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-5 pt-10">
          {children}
        </main>
        <SiteFooter site={site} authorName={defaultAuthor.name} />
        {process.env.NODE_ENV === 'development' ? <ContentReloader /> : null}
      </body>
    </html>
  )
}
