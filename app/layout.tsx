import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'

import { ContentReloader } from '@/components/content-reloader'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { ThemeScript } from '@/components/theme-script'
import { contentVersion, getContent } from '@/lib/content'
import { siteMetadata } from '@/lib/metadata'
import { framePolicy } from '@/lib/security-headers.mjs'
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
  // Taken before the content is read: a save in between makes the reloader refresh once more, never miss one.
  const version = process.env.NODE_ENV === 'development' ? contentVersion() : undefined
  const { site, defaultAuthor, frames } = await getContent()
  return (
    // The theme script changes the class before hydration; React must not undo it.
    <html lang={site.language} className={inter.variable} suppressHydrationWarning>
      <head>
        {/* Narrows the header's frame-src to the embed origins the posts use (lib/security-headers.mjs). */}
        <meta httpEquiv="Content-Security-Policy" content={framePolicy(frames)} />
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
        {version ? <ContentReloader version={version} /> : null}
      </body>
    </html>
  )
}
