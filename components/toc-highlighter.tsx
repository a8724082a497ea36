'use client'

import { useEffect } from 'react'

/**
 * Marks the table-of-contents link of the section being read with aria-current="location".
 * Renders nothing: the links work as plain anchors without it.
 */
export function TocHighlighter({ ids }: { ids: string[] }) {
  useEffect(() => {
    const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null)
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav[data-toc] a[href^="#"]')]
    let frame = 0
    let current: string | undefined
    const update = () => {
      frame = 0
      // The section is the last heading above the top third of the window; at the very end of
      // the page, the last heading that is on screen (a short final section never reaches there).
      const line = window.innerHeight / 3
      const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2
      let active: HTMLElement | undefined
      for (const h of headings) {
        const top = h.getBoundingClientRect().top
        if (top <= line || (atEnd && top < window.innerHeight)) active = h
      }
      if (active?.id === current) return
      current = active?.id
      for (const link of links) {
        if (link.hash === `#${current}`) link.setAttribute('aria-current', 'location')
        else link.removeAttribute('aria-current')
      }
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [ids])
  return null
}
