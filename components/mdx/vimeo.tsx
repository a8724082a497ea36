import { VIDEO_PROVIDERS } from '@/lib/content/embeds'
import { EmbedBox } from './embed-box'
import type { VideoProps } from './youtube'

/** A Vimeo video, played with dnt=1 once the reader asks for it. */
export function Vimeo({ id, title }: VideoProps) {
  const { name, player, page } = VIDEO_PROVIDERS.Vimeo
  return <EmbedBox kind="video" title={title} player={player(id)} page={page(id)} provider={name} />
}
