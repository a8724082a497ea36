'use client'

import { useState, type ReactNode } from 'react'

import { useBrowserValue } from '../hydration'

/**
 * What a player may do: run its own scripts in its own origin (players need both), open the
 * provider's page in a new tab, and present (cast) video. Not: navigate this page, submit forms,
 * open dialogs, or lock the pointer or orientation.
 */
const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation'

/** Features a player may ask for; everything else (camera, microphone, …) stays off. */
const FRAME_ALLOW = 'autoplay; encrypted-media; picture-in-picture; fullscreen'

export interface EmbedFacadeProps {
  title: string
  /** The player, loaded only once the reader asks for it. */
  player: string
  /** The page a link goes to without JavaScript. */
  page: string
  /** The placeholder (drawn on the server): the button's or link's content, and so its name. */
  children: ReactNode
  /** Where the player comes from, shown beside the button (not part of its name). */
  note: ReactNode
}

/**
 * A click-to-load player: the placeholder it is given, and nothing requested from the provider
 * until the reader presses the button. Without JavaScript (and until hydrated) the same box is a
 * link to the provider's page.
 */
export function EmbedFacade({ title, player, page, children, note }: EmbedFacadeProps) {
  const ready = useBrowserValue(() => true, false)
  const [open, setOpen] = useState(false)
  if (open) {
    return (
      <iframe
        className="embed-frame"
        src={player}
        title={title}
        loading="lazy"
        sandbox={FRAME_SANDBOX}
        allow={FRAME_ALLOW}
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        // The button that was pressed is gone: the keyboard goes on in the player.
        ref={(frame) => frame?.focus()}
      />
    )
  }
  return (
    <>
      {ready ? (
        <button type="button" className="embed-facade" onClick={() => setOpen(true)}>
          {children}
        </button>
      ) : (
        <a className="embed-facade" href={page}>
          {children}
        </a>
      )}
      {note}
    </>
  )
}
