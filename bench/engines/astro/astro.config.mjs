// The benchmark's Astro site: MDX posts, highlighted with the same Shiki themes as Inkwell.
import mdx from '@astrojs/mdx'
import { defineConfig } from 'astro/config'

export default defineConfig({
  site: 'https://bench.example.com',
  integrations: [mdx()],
  markdown: {
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' } },
  },
  vite: {
    // An inline PostCSS config stops Vite from finding (and running) the repository's Tailwind one.
    css: { postcss: { plugins: [] } },
  },
})
