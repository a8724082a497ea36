// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'

import { FeedEmbed, FeedVimeo, FeedYouTube } from '@/components/feed/embed'
import { Embed } from '@/components/mdx/embed'
import { Vimeo } from '@/components/mdx/vimeo'
import { YouTube } from '@/components/mdx/youtube'

afterEach(cleanup)

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation'

describe('embed facades', () => {
  it('is a plain link to the video in the server’s HTML (and without JavaScript), with nothing from YouTube in it', () => {
    const html = renderToStaticMarkup(<YouTube id="k3Vb8Qm2XfE" title="A talk" />)
    expect(html).toContain('<a class="embed-facade" href="https://www.youtube.com/watch?v=k3Vb8Qm2XfE">')
    expect(html).toContain(
      '<span class="embed-action">Play video:</span> <span class="embed-title">A talk</span></a><span class="embed-note">Video on YouTube</span>',
    )
    // No thumbnail, player or script from another origin: the placeholder is an inline SVG.
    expect(html).not.toMatch(/<(img|iframe|script)\b/)
    expect(html.match(/https:\/\/[^"]+/g)).toEqual(['https://www.youtube.com/watch?v=k3Vb8Qm2XfE'])
  })

  it('becomes a button named after the title once hydrated, and loads nothing until pressed', () => {
    const { container } = render(<YouTube id="k3Vb8Qm2XfE" title="A talk" />)
    const button = screen.getByRole('button', { name: 'Play video: A talk' })
    expect(button.getAttribute('type')).toBe('button')
    expect(container.querySelector('a, iframe')).toBeNull()
    expect(container.querySelector('.embed-note')!.textContent).toBe('Video on YouTube')
  })

  it('loads the privacy-enhanced YouTube player when pressed: titled, lazy, sandboxed, focused', () => {
    const { container } = render(<YouTube id="k3Vb8Qm2XfE" title="A talk" />)
    fireEvent.click(screen.getByRole('button', { name: 'Play video: A talk' }))
    const frame = container.querySelector('iframe')!
    expect(frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/k3Vb8Qm2XfE?autoplay=1')
    expect(frame.getAttribute('title')).toBe('A talk')
    expect(frame.getAttribute('loading')).toBe('lazy')
    expect(frame.getAttribute('sandbox')).toBe(SANDBOX)
    expect(frame.getAttribute('allow')).toBe('autoplay; encrypted-media; picture-in-picture; fullscreen')
    expect(frame.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin')
    expect(document.activeElement).toBe(frame)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('plays Vimeo with dnt=1', () => {
    const { container } = render(<Vimeo id="76979871" title="Another" />)
    fireEvent.click(screen.getByRole('button', { name: 'Play video: Another' }))
    expect(container.querySelector('iframe')!.getAttribute('src')).toBe('https://player.vimeo.com/video/76979871?dnt=1&autoplay=1')
    expect(renderToStaticMarkup(<Vimeo id="76979871" title="Another" />)).toContain('href="https://vimeo.com/76979871"')
  })

  it('loads slides from their player address, named after the host', () => {
    const src = 'https://speakerdeck.com/player/4f2c1e8a9b7d'
    expect(renderToStaticMarkup(<Embed src={src} title="Slides" />)).toContain(`<a class="embed-facade" href="${src}">`)
    const { container } = render(<Embed src={src} title="Slides" />)
    expect(container.querySelector('.embed-note')!.textContent).toBe('Slides on Speaker Deck')
    fireEvent.click(screen.getByRole('button', { name: 'Load slides: Slides' }))
    expect(container.querySelector('iframe')!.getAttribute('src')).toBe(src)
    expect(container.querySelector('iframe')!.getAttribute('sandbox')).toBe(SANDBOX)
  })

  it('keeps the 16:9 box, so nothing shifts when the player replaces the placeholder', () => {
    const { container } = render(<YouTube id="k3Vb8Qm2XfE" title="A talk" />)
    expect(container.firstElementChild!.className).toBe('embed')
    fireEvent.click(screen.getByRole('button'))
    expect(container.firstElementChild!.className).toBe('embed')
    expect(container.querySelector('.embed > iframe.embed-frame')).not.toBeNull()
  })
})

describe('embeds in feeds', () => {
  it('is a link with the title and what it is', () => {
    expect(renderToStaticMarkup(<FeedYouTube id="k3Vb8Qm2XfE" title="A talk" />)).toBe(
      '<p><a href="https://www.youtube.com/watch?v=k3Vb8Qm2XfE">A talk</a> (video on YouTube)</p>',
    )
    expect(renderToStaticMarkup(<FeedVimeo id="1" title="V" />)).toBe('<p><a href="https://vimeo.com/1">V</a> (video on Vimeo)</p>')
    expect(renderToStaticMarkup(<FeedEmbed src="https://slides.example.com/d/1" title="Ours" />)).toBe(
      '<p><a href="https://slides.example.com/d/1">Ours</a> (slides.example.com)</p>',
    )
  })
})
