// Hugo (Debian's package): the site in bench/engines/hugo/ (our layouts and shortcodes), copied to
// bench/work/hugo, with each post converted to a page bundle (index.md and its figure).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { dirBytes, measure } from '../measure'
import { appendParagraph, childEnv, copyInto, postSlugs, rm, ROOT, WORK, type Engine } from './engine'

const SOURCE = path.join(ROOT, 'bench', 'engines', 'hugo')
const DIR = path.join(WORK, 'hugo')
const POSTS = path.join(DIR, 'content', 'posts')

/** An Inkwell post as Hugo Markdown: components become shortcodes, code-fence metadata Hugo's own. */
export function toHugo(mdx: string): string {
  return (
    mdx
      // Hugo taxonomies are lists.
      .replace(/^series: (".*")$/m, 'series: [$1]')
      .replace(
        /<Admonition type="(\w+)" title="([^"]*)">\n([\s\S]*?)\n<\/Admonition>/g,
        '{{< admonition type="$1" title="$2" >}}\n$3\n{{< /admonition >}}',
      )
      .replace(
        /^> \[!(\w+)\]\n> (.*)$/gm,
        (_, type: string, text: string) => `{{< admonition type="${type.toLowerCase()}" >}}\n${text}\n{{< /admonition >}}`,
      )
      // ```ts title="example.ts" {1} → ```ts {hl_lines=[1]} (Hugo has no code-block titles).
      .replace(/^```(\w+) title="[^"]*" \{(\d+)\}$/gm, '```$1 {hl_lines=[$2]}')
      .replace(/<Figure src="\.\/([^"]+)" alt="([^"]*)" caption="([^"]*)" \/>/g, '{{< figure src="$1" alt="$2" caption="$3" >}}')
      .replace(/<Stats>/g, '{{< stats >}}')
      .replace(/<\/Stats>/g, '{{< /stats >}}')
      .replace(/<Stat ((?:\w+="[^"]*" ?)+)\/>/g, '{{< stat $1>}}')
  )
}

export function hugo(): Engine {
  const build = (log: string, timeoutMs: number) =>
    measure('hugo', ['--source', DIR, '--destination', 'public', '--cacheDir', path.join(DIR, 'cache')], {
      cwd: DIR,
      env: childEnv({}),
      timeoutMs,
      log,
    })
  return {
    name: 'hugo',
    async setup() {
      // Throws (and the bench skips Hugo) when it is not installed.
      const version = execFileSync('hugo', ['version'], { encoding: 'utf8' }).match(/v(\d+\.\d+\.\d+)/)?.[1] ?? 'unknown'
      copyInto(SOURCE, DIR)
      return version
    },
    prepare(content) {
      rm(POSTS)
      for (const slug of postSlugs(content)) {
        const from = path.join(content, 'posts', slug)
        fs.mkdirSync(path.join(POSTS, slug), { recursive: true })
        fs.writeFileSync(path.join(POSTS, slug, 'index.md'), toHugo(fs.readFileSync(path.join(from, 'index.mdx'), 'utf8')))
        fs.copyFileSync(path.join(from, 'figure.svg'), path.join(POSTS, slug, 'figure.svg'))
      }
    },
    async build(ctx) {
      rm(path.join(DIR, 'public'), path.join(DIR, 'resources'), path.join(DIR, 'cache'))
      return build(ctx.log('build'), ctx.timeoutMs)
    },
    async rebuild(ctx) {
      appendParagraph(path.join(POSTS, postSlugs(path.dirname(POSTS)).at(-1)!, 'index.md'))
      return build(ctx.log('rebuild'), ctx.timeoutMs)
    },
    outputBytes: () => dirBytes(path.join(DIR, 'public')),
  }
}
