import { VIDEO_PROVIDERS } from '@/lib/content/embeds'
import { EmbedBox } from './embed-box'

export interface VideoProps {
  /** The video's id: YouTube's 11 characters, Vimeo's number. */
  id: string
  title: string
}

/** A YouTube video, played from youtube-nocookie.com once the reader asks for it. */
export function YouTube({ id, title }: VideoProps) {
  const { name, player, page } = VIDEO_PROVIDERS.YouTube
  return <EmbedBox kind="video" title={title} player={player(id)} page={page(id)} provider={name} />
}
