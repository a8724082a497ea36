import Link from 'next/link'

import { PageHeader } from '@/components/page-title'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-page">
      <PageHeader label="404" title="This page does not exist">
        The link may be old, or the post may have moved. The newest posts are on the home page, and every post is in the archive.
      </PageHeader>
      <p className="flex gap-6 font-medium">
        <Link href="/" className="text-[var(--link)] hover:underline">
          Home
        </Link>
        <Link href="/archive" className="text-[var(--link)] hover:underline">
          Archive
        </Link>
      </p>
    </div>
  )
}
