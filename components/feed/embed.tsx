import { slideHost, VIDEO_PROVIDERS, type VideoComponent } from '@/lib/content/embeds'
import type { EmbedProps } from '../mdx/embed'
import type { VideoProps } from '../mdx/youtube'

// Feed readers run no script and load no players: an embed is a link to it, with its title.

function FeedLink({ href, title, what }: { href: string; title: string; what: string }) {
  return (
    <p>
      <a href={href}>{title}</a> ({what})
    </p>
  )
}

const feedVideo = (component: VideoComponent) =>
  function FeedVideo({ id, title }: VideoProps) {
    const provider = VIDEO_PROVIDERS[component]
    return <FeedLink href={provider.page(id)} title={title} what={`video on ${provider.name}`} />
  }

export const FeedYouTube = feedVideo('YouTube')
export const FeedVimeo = feedVideo('Vimeo')

export function FeedEmbed({ src, title }: EmbedProps) {
  const host = slideHost(src)
  return <FeedLink href={src} title={title} what={host ? `slides on ${host.name}` : new URL(src).host} />
}
