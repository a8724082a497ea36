// Runs before first paint: a stored choice wins, else the system setting, which is followed
// live until the reader picks a theme with the toggle.
const script = `(() => {
  const root = document.documentElement
  const media = matchMedia('(prefers-color-scheme: dark)')
  const apply = (dark) => { root.classList.toggle('dark', dark); root.style.colorScheme = dark ? 'dark' : 'light' }
  let stored = null
  try { stored = localStorage.getItem('theme') } catch {}
  apply(stored ? stored === 'dark' : media.matches)
  media.addEventListener('change', (e) => {
    let chosen = null
    try { chosen = localStorage.getItem('theme') } catch {}
    if (!chosen) apply(e.matches)
  })
})()`

/** Sets the theme class on <html> before the page is painted, so the wrong theme never flashes. */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />
}
