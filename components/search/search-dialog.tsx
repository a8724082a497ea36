import { useEffect, useRef } from 'react'

import { SearchPanel } from './search-panel'

/**
 * Search as a modal dialog, loaded by SearchButton when first opened and shown again each time
 * `opens` grows. Esc or a click outside closes it; it stays mounted, with the last query.
 */
export default function SearchDialog({ opens }: { opens: number }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (opens && !dialog.current?.open) dialog.current?.showModal()
  }, [opens])
  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      // Escape in a search field would first only clear it; here it closes the dialog at once.
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        event.currentTarget.close()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) event.currentTarget.close()
      }}
      className="search-dialog"
    >
      <SearchPanel onNavigate={() => dialog.current?.close()} />
    </dialog>
  )
}
