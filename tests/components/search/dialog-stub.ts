import { vi } from 'vitest'

/**
 * jsdom has <dialog> but not its methods: showModal and close as browsers have them (showModal on
 * an open dialog throws, close fires "close"). Returns the spies; restored by vi.restoreAllMocks.
 */
export function stubDialog() {
  const proto = HTMLDialogElement.prototype as Partial<Pick<HTMLDialogElement, 'showModal' | 'close'>>
  proto.showModal ??= () => {}
  proto.close ??= () => {}
  const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(function (this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError')
    this.setAttribute('open', '')
  })
  const close = vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (this: HTMLDialogElement) {
    if (!this.open) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  })
  return { showModal, close }
}
