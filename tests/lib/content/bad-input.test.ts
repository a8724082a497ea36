// Hostile or broken input, one class per test: each gives clean `file:line:col message` lines
// (never a stack trace), and a second, unrelated bad post in every test proves that the check
// goes on to report it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { aliasProblems, APP_DIR, reservedSegments } from '@/lib/aliases'
import { formatProblem } from '@/lib/content'
import { inspectContent, type LoadOptions } from '@/lib/content/load'
import { sortProblems } from '@/lib/content/problems'
import { CHART_PNG, load, NOW, post, rejection, SITE_YAML, tempSite } from './helpers'

/** The unrelated bad post every test adds, and the line it must still get. */
const OTHER = { 'posts/other.mdx': post(['seriesPart: two'], 'Text.') }
const OTHER_LINE = 'posts/other.mdx:4:13 seriesPart should be a number, not string "two" (write seriesPart: 2)'

/** A copy of the 64×48 test PNG whose header claims another size (image readers trust the header). */
function pngClaiming(width: number, height: number): Buffer {
  const png = Buffer.from(CHART_PNG)
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  return png
}

/** A folder outside every test site, for links to lead into. */
function elsewhere(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkwell-elsewhere-'))
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }))
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), data)
  return dir
}

/** Every problem `npm run check` reports for a site (aliases included), as lines relative to its root. */
async function checked(root: string, options: Partial<LoadOptions> = {}): Promise<string[]> {
  const { content, problems } = await inspectContent({ root, includeDrafts: true, now: NOW, pages: ['/about'], ...options })
  const aliases = content ? aliasProblems(content.posts, reservedSegments(APP_DIR), { paths: content.paths, publicDir: options.publicDir }) : []
  return sortProblems([...problems, ...aliases]).filter((p) => p.severity === 'error').map((p) => formatProblem(p, root))
}

describe('bad input', () => {
  it('reads nothing through a symbolic link that leads outside the content folder', async () => {
    const outside = elsewhere({ 'secret.mdx': post([], 'Secret.'), 'x.png': CHART_PNG, 'x.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'a.yaml': 'name: A\n' })
    const root = tempSite({
      ...OTHER,
      'posts/images/index.mdx': post([], '![a](./out.png)\n\n![b](./out.svg)\n\n![c](./in.svg)\n\n![d](/pub.png)'),
      'shared/in.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    })
    fs.symlinkSync(path.join(outside, 'secret.mdx'), path.join(root, 'posts/leak.mdx'))
    fs.symlinkSync(outside, path.join(root, 'posts/folder'))
    fs.writeFileSync(path.join(outside, 'index.mdx'), post([], 'Also secret.'))
    fs.symlinkSync(path.join(outside, 'x.png'), path.join(root, 'posts/images/out.png'))
    fs.symlinkSync(path.join(outside, 'x.svg'), path.join(root, 'posts/images/out.svg'))
    fs.symlinkSync(path.join(root, 'shared/in.svg'), path.join(root, 'posts/images/in.svg'))
    fs.mkdirSync(path.join(root, 'authors'))
    fs.symlinkSync(path.join(outside, 'a.yaml'), path.join(root, 'authors/a.yaml'))
    const publicDir = path.join(root, 'public')
    fs.mkdirSync(publicDir)
    fs.symlinkSync(path.join(outside, 'x.png'), path.join(publicDir, 'pub.png'))
    expect(await rejection(root, { publicDir })).toEqual([
      'authors/a.yaml:1:1 symbolic link to a file outside the content folder (copy the file into the content folder instead of linking to it)',
      'posts/folder:1:1 symbolic link to a folder outside the content folder (copy the folder into the content folder instead of linking to it)',
      `posts/images/index.mdx:6:1 image "./out.png" is a symbolic link to a file outside the content folder (copy the image into the post's folder instead of linking to it)`,
      `posts/images/index.mdx:8:1 image "./out.svg" is a symbolic link to a file outside the content folder (copy the image into the post's folder instead of linking to it)`,
      'posts/images/index.mdx:12:1 image "/pub.png" is a symbolic link to a file outside public/ (copy the image into public/ instead of linking to it)',
      'posts/leak.mdx:1:1 symbolic link to a file outside the content folder (copy the file into the content folder instead of linking to it)',
      OTHER_LINE,
    ])

    // A link that stays inside the content folder works; the site config is checked the same way.
    const fine = tempSite({ 'posts/images/index.mdx': post([], '![c](./in.svg)'), 'shared/in.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20"/>' })
    fs.symlinkSync(path.join(fine, 'shared/in.svg'), path.join(fine, 'posts/images/in.svg'))
    expect((await load(fine)).bySlug.get('images')!.assets.map((a) => [a.url, a.width, a.height])).toEqual([['/posts/images/in.svg', 10, 20]])
    const site = tempSite(OTHER, null)
    fs.writeFileSync(path.join(outside, 'site.yaml'), SITE_YAML)
    fs.symlinkSync(path.join(outside, 'site.yaml'), path.join(site, 'site.yaml'))
    expect(await rejection(site)).toEqual(['site.yaml:1:1 symbolic link to a file outside the content folder (copy the file into the content folder instead of linking to it)'])
  })

  it('reports a % that is not a percent-escape in a link, an image or an alias, at the %', async () => {
    // Links and aliases are checked once the posts themselves load, so each case is a post of its own.
    const root = tempSite({
      ...OTHER,
      'posts/alias.mdx': post(['aliases: ["/100%-done/"]'], 'Text.'),
      'posts/image.mdx': post([], '![x](./a%.png)'),
      'posts/links.mdx': post([], 'See [x](/posts/a%zz) and [y](/posts/%FF).'),
    })
    expect(await checked(root)).toEqual([
      'posts/alias.mdx:4:16 alias "/100%-done/" is not a valid URL: "%-d" is not a percent-escape (write %25 for a literal %)',
      'posts/image.mdx:6:1 image "./a%.png" is not a valid URL: "%.p" is not a percent-escape (write %25 for a literal %)',
      'posts/links.mdx:6:17 link "/posts/a%zz" is not a valid URL: "%zz" is not a percent-escape (write %25 for a literal %)',
      'posts/links.mdx:6:37 link "/posts/%FF" is not a valid URL: "%FF" is not UTF-8 text (write %25 for a literal %)',
      OTHER_LINE,
    ])
  })

  it('refuses YAML alias bombs, nesting thousands deep, and turns any other failure into one problem', async () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)]
    const root = tempSite({
      ...OTHER,
      'posts/bomb.mdx': post(laughs, 'Text.'),
      'posts/quotes.mdx': post([], `${'>'.repeat(5000)} deep`),
      'posts/lists.mdx': post([], `${'- '.repeat(5000)}deep`),
      'posts/elements.mdx': post([], `${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}`),
      'posts/emphasis.mdx': post([], `${'*'.repeat(300)}x${'*'.repeat(300)}`),
      'posts/elements-20k.mdx': post([], `${'<div>'.repeat(20000)}x${'</div>'.repeat(20000)}`),
      'posts/fine.mdx': post([], `${'> '.repeat(100)}fine`),
    })
    expect(await rejection(root)).toEqual([
      'posts/bomb.mdx:1:1 frontmatter uses too many YAML aliases (write the values out instead of repeating them with & and *)',
      'posts/elements-20k.mdx:1:1 this post is nested too deeply to compile (flatten its lists, quotes and elements)',
      'posts/elements.mdx:6:501 content nested 101 levels deep (at most 100: flatten the lists or quotes)',
      'posts/emphasis.mdx:6:201 content nested 101 levels deep (at most 100: flatten the lists or quotes)',
      'posts/lists.mdx:6:201 content nested 101 levels deep (at most 100: flatten the lists or quotes)',
      OTHER_LINE,
      'posts/quotes.mdx:6:101 content nested 101 levels deep (at most 100: flatten the lists or quotes)',
    ])
    const site = tempSite(OTHER, `${SITE_YAML}${laughs.join('\n')}\n`)
    expect(await rejection(site)).toEqual(['site.yaml:1:1 site config uses too many YAML aliases (write the values out instead of repeating them with & and *)'])
    // Parsing 30,000 nested tags takes a few seconds on a busy machine.
  }, 30_000)

  it('limits field lengths, time zone offsets and image sizes, with what the limit is', async () => {
    const root = tempSite({
      ...OTHER,
      'posts/long.mdx': post([`title: "${'x'.repeat(204800)}"`, `tags: [ok, "${'t'.repeat(101)}"]`, `categories: [${Array.from({ length: 101 }, (_, i) => `c${i}`).join(', ')}]`], 'Text.'),
      'posts/offset.mdx': post(['date: 2025-03-21T09:00:00+99:99', 'updated: 2025-03-22T09:00:00+15:00'], 'Text.'),
      'posts/huge/index.mdx': post([], '![x](./x.png)\n\n![y](./y.png)'),
      'posts/huge/x.png': pngClaiming(2147483647, 1),
      'posts/huge/y.png': pngClaiming(0, 48),
    })
    expect(await rejection(root)).toEqual([
      'posts/huge/index.mdx:6:1 image "./x.png" says it is 2147483647×1 px (at most 20000 px a side: re-export it smaller)',
      'posts/huge/index.mdx:8:1 image "./y.png" says it is 0×48 px (an image needs a width and a height: re-export it)',
      'posts/long.mdx:2:8 title is 204800 characters long (at most 300: shorten it)',
      'posts/long.mdx:4:12 tags.1 is 101 characters long (at most 100: shorten it)',
      'posts/long.mdx:5:13 categories has 101 entries (at most 100: keep the ones that matter)',
      'posts/offset.mdx:3:7 date "2025-03-21T09:00:00+99:99" has the offset +99:99, whose minutes must be below 60 (write date: 2025-03-21 or date: 2025-03-21T09:00:00+01:00)',
      'posts/offset.mdx:4:10 updated "2025-03-22T09:00:00+15:00" has the offset +15:00, beyond the ±14:00 of any time zone (write updated: 2025-03-21 or updated: 2025-03-21T09:00:00+01:00)',
      OTHER_LINE,
    ])
  })

  it('refuses aliases that a browser never asks for as written, or that the site itself serves', async () => {
    const aliases = ['/a/../b', '/old?id=3', '/old#part', '/a\\b', '/404.html', '/404', '/index.html', '/archive.html', '/about.html', '/page/2', '/feed.xml', '/posts/b/x.png', '/_next/x', '/tags/t', '/logo.png', '/fine/']
    const root = tempSite({
      ...OTHER,
      'posts/a.mdx': post(['tags: [t]', 'aliases:', ...aliases.map((a) => `  - '${a}'`)], 'Text.'),
      'posts/b/index.mdx': post([], '![x](./x.png)'),
      'posts/b/x.png': CHART_PNG,
    })
    const publicDir = path.join(root, 'public')
    fs.mkdirSync(publicDir)
    fs.writeFileSync(path.join(publicDir, 'logo.png'), CHART_PNG)
    // The site's own first segments (the folders of app/), as the message lists them.
    const own = [...reservedSegments(APP_DIR)].filter((r) => !r.startsWith('_')).map((r) => `/${r}`).join(', ')
    const inside = (first: string) => `is inside /${first}, where the site's own pages are (an alias must be an old URL outside ${own})`
    expect(await checked(root, { publicDir })).toEqual([
      'posts/a.mdx:6:9 alias "/a/../b" has a "." or ".." segment, which browsers resolve away before they ask (write /b)',
      'posts/a.mdx:7:10 alias "/old?id=3" has a query, which an old URL cannot be matched by: only its path is (write /old)',
      'posts/a.mdx:8:10 alias "/old#part" has a fragment, which browsers never send to the server (write /old)',
      'posts/a.mdx:9:8 alias "/a\\b" has a backslash, which browsers read as / (write /a/b)',
      `posts/a.mdx:10:6 alias "/404.html" is where the site's own page /404 is served (list only old URLs that no page of the site uses)`,
      `posts/a.mdx:11:6 alias "/404" is where the site's own page /404 is served (list only old URLs that no page of the site uses)`,
      `posts/a.mdx:12:6 alias "/index.html" is where the site's own page / is served (list only old URLs that no page of the site uses)`,
      `posts/a.mdx:13:6 alias "/archive.html" is where the site's own page /archive is served (list only old URLs that no page of the site uses)`,
      `posts/a.mdx:14:6 alias "/about.html" is where the site's own page /about is served (list only old URLs that no page of the site uses)`,
      `posts/a.mdx:15:6 alias "/page/2" ${inside('page')}`,
      `posts/a.mdx:16:6 alias "/feed.xml" ${inside('feed.xml')}`,
      `posts/a.mdx:17:6 alias "/posts/b/x.png" ${inside('posts')}`,
      `posts/a.mdx:18:6 alias "/_next/x" ${inside('_next')}`,
      `posts/a.mdx:19:6 alias "/tags/t" ${inside('tags')}`,
      'posts/a.mdx:20:6 alias "/logo.png" is a file in public/, which is served instead (list only old URLs that no file of the site uses)',
      OTHER_LINE,
    ])
  })

  it('refuses characters that XML cannot carry, at their line and column, in frontmatter and text', async () => {
    const root = tempSite({
      ...OTHER,
      'posts/a.mdx': post(['title: "Ring\u0007 ring"', 'summary: Delete\u007f and \u0085', 'tags: ["\\u0007", "\\uFFFE"]'], 'A bell\u0007 in the text.\n\n`and \u000b in code`'),
    })
    expect(await rejection(root)).toEqual([
      'posts/a.mdx:2:13 control character U+0007 in the title (delete it; feeds cannot carry it)',
      'posts/a.mdx:4:16 control character U+007F in the summary (delete it; feeds cannot carry it)',
      'posts/a.mdx:4:22 control character U+0085 in the summary (delete it; feeds cannot carry it)',
      'posts/a.mdx:5:8 control character U+0007 in the tags (delete it; feeds cannot carry it)',
      'posts/a.mdx:5:18 character U+FFFE in the tags (delete it; feeds cannot carry it)',
      'posts/a.mdx:8:7 control character U+0007 in the text (delete it; feeds cannot carry it)',
      'posts/a.mdx:10:6 control character U+000B in the text (delete it; feeds cannot carry it)',
      OTHER_LINE,
    ])
  })

  it('takes slugs, tags, categories and series in any script, and refuses names with nothing to slug', async () => {
    const root = tempSite({
      ...OTHER,
      'posts/日本語.mdx': post(['tags: [日本語]', 'categories: [Ünïcödé]', 'series: Ελληνικά'], 'Text.'),
      // macOS writes file names decomposed: "ü" as "u" and a combining diaeresis.
      [`posts/${'über'.normalize('NFD')}.mdx`]: post([], 'See [one](/posts/日本語), [two](/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E) and [tag](/tags/日本語).'),
      'posts/party.mdx': post(['tags: [ok, 🎉]', 'series: "🎉🎉"'], 'Text.'),
      'posts/🎉.mdx': post([], 'Text.'),
    })
    expect(await rejection(root)).toEqual([
      'posts/🎉.mdx:1:1 "🎉" cannot be a URL slug (rename the file to "my-post": lowercase letters, digits, hyphens and underscores)',
      OTHER_LINE,
      'posts/party.mdx:4:12 tag "🎉" has no letters or digits to make its URL from (add a word to it, in any script)',
      'posts/party.mdx:5:9 series "🎉🎉" has no letters or digits to make its URL from (add a word to it, in any script)',
    ])
    const fine = tempSite({
      'posts/日本語.mdx': post(['tags: [日本語]', 'categories: [Ünïcödé]', 'series: Ελληνικά'], 'Text.'),
      [`posts/${'über'.normalize('NFD')}.mdx`]: post([], 'See [one](/posts/日本語), [two](/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E) and [tag](/tags/日本語).'),
    })
    const content = await load(fine)
    expect([...content.bySlug.keys()].sort()).toEqual(['über', '日本語'])
    expect(content.bySlug.get('über')!.url).toBe('/posts/über')
    expect(content.tags.map((t) => t.slug)).toEqual(['日本語'])
    expect(content.categories.map((t) => t.slug)).toEqual(['ünïcödé'])
    expect(content.series.map((s) => s.slug)).toEqual(['ελληνικά'])
  })
})
