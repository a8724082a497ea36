import { useEffect, useRef } from 'react'
import { SearchPanel } from './search-panel'

/** Search as a modal dialog (loaded by SearchButton when opened). Esc or a click outside closes it. */
export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    element?.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      aria-label="Search"
      onClose={onClose}
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
