// Astro 5.18 with @astrojs/mdx: the project in bench/engines/astro/ (our small layouts and
// components), copied to bench/work/astro and installed there on first run. Astro 5.18 is the
// newest whose CLI runs on Node 20 (6.x refuses it). It builds with Node's default heap.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { dirBytes, measure } from '../measure'
import { appendParagraph, childEnv, copyInto, postSlugs, rm, ROOT, WORK, type Engine } from './engine'

const SOURCE = path.join(ROOT, 'bench', 'engines', 'astro')
const DIR = path.join(WORK, 'astro')
const POSTS = path.join(DIR, 'src', 'content', 'posts')

/** An Inkwell post as Astro MDX: the same components (passed to <Content>), except what Astro lacks. */
export function toAstro(mdx: string): string {
  return (
    mdx
      // A co-located image goes through Astro's asset pipeline as a Markdown image; the figure and
      // caption around it are plain MDX.
      .replace(
        /<Figure src="([^"]+)" alt="([^"]*)" caption="([^"]*)" \/>/g,
        (_, src: string, alt: string, caption: string) => `<figure>\n\n![${alt}](${src})\n\n<figcaption>${caption}</figcaption>\n</figure>`,
      )
      // GitHub alerts are Inkwell's; in Astro they are the same admonition component.
      .replace(
        /^> \[!(\w+)\]\n> (.*)$/gm,
        (_, type: string, text: string) => `<Admonition type="${type.toLowerCase()}">\n${text}\n</Admonition>`,
      )
  )
}

export function astro(): Engine {
  const build = (log: string, timeoutMs: number) =>
    // Node's default heap, as a user gets it: no --max-old-space-size.
    measure(process.execPath, [path.join(DIR, 'node_modules/astro/astro.js'), 'build'], { cwd: DIR, env: childEnv({}), timeoutMs, log })
  return {
    name: 'astro',
    async setup() {
      copyInto(SOURCE, DIR)
      const wanted = fs.readFileSync(path.join(SOURCE, 'package.json'), 'utf8')
      const stamp = path.join(DIR, 'node_modules', '.bench-installed')
      if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== wanted) {
        console.log('astro: npm install in bench/work/astro (first run) …')
        execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR, stdio: 'inherit' })
        fs.writeFileSync(stamp, wanted)
      }
      const version = (name: string) =>
        (JSON.parse(fs.readFileSync(path.join(DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
      return `${version('astro')} (@astrojs/mdx ${version('@astrojs/mdx')})`
    },
    prepare(content) {
      rm(POSTS)
      for (const slug of postSlugs(content)) {
        const from = path.join(content, 'posts', slug)
        fs.mkdirSync(path.join(POSTS, slug), { recursive: true })
        fs.writeFileSync(path.join(POSTS, slug, 'index.mdx'), toAstro(fs.readFileSync(path.join(from, 'index.mdx'), 'utf8')))
        fs.copyFileSync(path.join(from, 'figure.svg'), path.join(POSTS, slug, 'figure.svg'))
      }
    },
    async build(ctx) {
      // Its content-layer data store and Vite caches would make the second size warm.
      rm(
        path.join(DIR, 'dist'),
        path.join(DIR, '.astro'),
        path.join(DIR, 'node_modules', '.astro'),
        path.join(DIR, 'node_modules', '.vite'),
      )
      return build(ctx.log('build'), ctx.timeoutMs)
    },
    async rebuild(ctx) {
      appendParagraph(path.join(POSTS, postSlugs(path.dirname(POSTS)).at(-1)!, 'index.mdx'))
      return build(ctx.log('rebuild'), ctx.timeoutMs)
    },
    outputBytes: () => dirBytes(path.join(DIR, 'dist')),
  }
}
