import type { Metadata } from 'next'

import { extraPageNumbers, HomePage } from '@/app/_lists/home-page'
import { pageMetadata } from '@/lib/metadata'
import { pagePath } from '@/lib/routes'
import { staticParams } from '@/lib/static-params'

export const dynamicParams = false

export async function generateStaticParams() {
  return staticParams(
    (await extraPageNumbers()).map((n) => ({ page: String(n) })),
    { page: '0' },
  )
}

export async function generateMetadata({ params }: PageProps<'/page/[page]'>): Promise<Metadata> {
  const { page } = await params
  return pageMetadata({ title: `Posts, page ${page}`, path: pagePath.home(Number(page)) })
}

export default async function Page({ params }: PageProps<'/page/[page]'>) {
  const { page } = await params
  return <HomePage page={Number(page)} />
}
