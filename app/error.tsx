'use client'

import { useResetOnContentChange } from '@/components/content-reloader'
import { PageHeader } from '@/components/page-title'
import { ProblemList } from '@/components/problem-list'

// A page that failed to render, below the site's header. In next dev that is a post with errors
// (or an expression that throws as it renders): the page says what is wrong and where, and clears
// itself when the author saves a fix. A build never gets here for content: it fails instead.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useResetOnContentChange(reset)
  if (process.env.NODE_ENV !== 'development') {
    return (
      <div className="mx-auto max-w-page">
        <PageHeader title="This page could not be shown">Something went wrong. Reload the page to try again.</PageHeader>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-page">
      <PageHeader label="Error" title="This page has errors">
        Fix them and save: the page reloads by itself.
      </PageHeader>
      <div
        role="alert"
        className="rounded-lg border border-red-600/40 bg-red-50 p-4 text-red-950 dark:border-red-400/40 dark:bg-red-950 dark:text-red-100"
      >
        <ProblemList lines={error.message.split('\n')} />
      </div>
    </div>
  )
}
