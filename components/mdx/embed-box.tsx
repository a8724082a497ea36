import { EmbedFacade } from './embed-facade'

// The facade's styles come with it, on the pages that have one: every other page ships the same
// CSS as before (React puts the <style> in the head, once).
const CSS = `
.embed{position:relative;aspect-ratio:16/9;margin:1.75em 0;border:1px solid var(--line);border-radius:.75rem;overflow:hidden;background:var(--surface)}
.embed-facade{all:unset;box-sizing:border-box;position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.45rem;padding:1.25rem 1.25rem 2.5rem;text-align:center;cursor:pointer;color:var(--fg);background:radial-gradient(circle at 30% 20%,color-mix(in oklab,var(--link) 18%,transparent),transparent 60%),repeating-linear-gradient(135deg,transparent 0 14px,color-mix(in oklab,var(--line) 55%,transparent) 14px 15px)}
.embed-facade:focus-visible{outline:2px solid var(--link);outline-offset:-4px}
.embed-icon{display:grid;place-items:center;width:3.5rem;height:3.5rem;border-radius:999px;background:var(--link);color:var(--bg)}
.embed-facade:hover .embed-icon{transform:scale(1.06)}
.embed-title{font-weight:600;font-size:1.05rem;line-height:1.35;max-width:32rem;text-wrap:balance}
.embed-action{font-size:.85rem;font-weight:600;color:var(--muted)}
.embed-note{position:absolute;left:0;right:0;bottom:.9rem;text-align:center;font-size:.85rem;color:var(--muted);pointer-events:none}
.embed-frame{position:absolute;inset:0;width:100%;height:100%;border:0}
`

export interface EmbedBoxProps {
  kind: 'video' | 'slides'
  title: string
  player: string
  page: string
  /** Where the player comes from, such as YouTube. */
  provider: string
}

const ACTION = { video: 'Play video', slides: 'Load slides' }
const ICON = { video: 'M8 5.5v13l10.5-6.5z', slides: 'M3 4h18v12H3zM11 16h2v3h-2zM7 19h10v2H7z' }
const WHAT = { video: 'Video', slides: 'Slides' }

/** The 16:9 box every embed sits in: a placeholder drawn here (no thumbnail from the provider), then its player. */
export function EmbedBox({ kind, title, player, page, provider }: EmbedBoxProps) {
  return (
    <div className="embed">
      <style href="inkwell-embed" precedence="default">
        {CSS}
      </style>
      <EmbedFacade
        title={title}
        player={player}
        page={page}
        note={
          <span className="embed-note">
            {WHAT[kind]} on {provider}
          </span>
        }
      >
        <span className="embed-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28" fill="currentColor" focusable="false">
            <path d={ICON[kind]} />
          </svg>
        </span>
        {/* Named by what it shows, "Play video: <title>": the space keeps the two apart in the name. */}
        <span className="embed-action">{ACTION[kind]}:</span> <span className="embed-title">{title}</span>
      </EmbedFacade>
    </div>
  )
}
