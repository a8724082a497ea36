import type { ComponentPropsWithoutRef, ReactNode } from 'react'

/** The one title style of every page (posts, lists, MDX pages, the 404): size, weight, tracking. */
export function PageTitle({ className, ...props }: ComponentPropsWithoutRef<'h1'>) {
  const style = 'text-3xl font-bold tracking-tight text-balance sm:text-[2.6rem] sm:leading-[1.15]'
  return <h1 {...props} className={className ? `${style} ${className}` : style} />
}

/** A page's title with an optional label above it (usually a link up to its index) and a line below. */
export function PageHeader({ label, title, children }: { label?: ReactNode; title: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-8">
      {label ? <p className="mb-2 text-sm leading-6 font-semibold tracking-wider text-[var(--link)] uppercase">{label}</p> : null}
      <PageTitle>{title}</PageTitle>
      {children ? <p className="mt-3 text-pretty text-[var(--muted)]">{children}</p> : null}
    </header>
  )
}
