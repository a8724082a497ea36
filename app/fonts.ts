import localFont from 'next/font/local'

// Self-hosted from the npm package: builds need no network, and next/font sizes a fallback
// font to match, so text does not shift when Inter arrives.
export const inter = localFont({
  src: '../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  variable: '--font-inter',
  weight: '100 900',
  display: 'swap',
})
