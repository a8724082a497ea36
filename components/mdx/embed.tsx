import { slideHost } from '@/lib/content/embeds'
import { EmbedBox } from './embed-box'

export interface EmbedProps {
  /** The player's https address: a built-in slide host's, or one on an origin in site.yaml `embeds`. */
  src: string
  title: string
}

/** Slides (Speaker Deck, SlideShare, Google Slides) or another allowed player, loaded once the reader asks for it. */
export function Embed({ src, title }: EmbedProps) {
  const provider = slideHost(src)?.name ?? new URL(src).host
  return <EmbedBox kind="slides" title={title} player={src} page={src} provider={provider} />
}
