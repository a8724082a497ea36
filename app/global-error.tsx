'use client'

import { ContentReloader, useResetOnContentChange } from '@/components/content-reloader'
import { ProblemList } from '@/components/problem-list'

import './globals.css'

// The root layout itself failed. In next dev that is content every page needs (site.yaml, an
// author file) with an error; the layout's reloader went with it, so this page runs its own and
// clears itself when the author saves a fix.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useResetOnContentChange(reset)
  const dev = process.env.NODE_ENV === 'development'
  return (
    <html lang="en">
      <body className="antialiased">
        <main className="mx-auto max-w-page px-5 pt-10">
          <h1 className="mb-6 text-3xl font-bold tracking-tight">{dev ? 'The site has errors' : 'This page could not be shown'}</h1>
          {dev ? (
            <div role="alert">
              <ProblemList lines={error.message.split('\n')} />
              <p className="mt-6 text-[var(--muted)]">Fix them and save: the page reloads by itself.</p>
            </div>
          ) : (
            <p>Something went wrong. Reload the page to try again.</p>
          )}
        </main>
        {dev ? <ContentReloader /> : null}
      </body>
    </html>
  )
}
