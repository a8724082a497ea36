import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-wider text-[var(--link)]">404</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight">This page does not exist</h1>
      <p className="mt-4 text-[var(--muted)]">
        The link may be old, or the post may have moved. The newest posts are on the home page, and every post is in
        the archive.
      </p>
      <p className="mt-8 flex justify-center gap-6 font-medium">
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
