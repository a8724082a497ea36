// Generates a realistic Inkwell content folder of N posts, the same for the same seed: about
// 1,500 words each, with headings, two admonitions, a highlighted code block, a co-located
// figure, a stats row, categories, tags and some series. All dates are in the past.
import fs from 'node:fs'
import path from 'node:path'

/** A small seeded PRNG (mulberry32): deterministic corpora across runs and machines. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'the a of to and in that is for on with as it be at by this from or an are was we our build ' +
  'page post feed site static reader author writes code deploy server cache image layout font theme ' +
  'dark light render compile markdown component series category tag archive search index latency ' +
  'request response browser network budget measure bytes second minute release version change ' +
  'test failure error message line column file folder draft publish schedule time zone offset ' +
  'careful simple small quick clear honest useful practical steady gentle quiet plain'
).split(' ')
const CATEGORIES = ['Engineering', 'Writing', 'Operations', 'Design', 'Notes', 'Conferences', 'Tooling', 'Performance']
const TAGS = [
  'mdx',
  'rss',
  'nextjs',
  'css',
  'typography',
  'sre',
  'caching',
  'testing',
  'accessibility',
  'fonts',
  'images',
  'search',
  'deploy',
  'nginx',
  'node',
  'react',
]
const ADMONITIONS = ['note', 'tip', 'warning', 'info', 'danger', 'example', 'quote', 'success']
const LANGS: [string, string][] = [
  ['ts', 'export function total(items: number[]): number {\n  return items.reduce((sum, n) => sum + n, 0)\n}'],
  ['python', 'def total(items):\n    return sum(items)\n\nprint(total([1, 2, 3]))'],
  ['bash', 'npm run build\nnpx serve out --listen 8080'],
  ['css', '.prose {\n  max-width: 42rem;\n  line-height: 1.75;\n}'],
  ['go', 'func Total(items []int) int {\n\tsum := 0\n\tfor _, n := range items {\n\t\tsum += n\n\t}\n\treturn sum\n}'],
]
const FIGURE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320"><rect width="640" height="320" fill="#eef"/><rect x="60" y="120" width="80" height="160" fill="#446"/><rect x="200" y="60" width="80" height="220" fill="#446"/></svg>\n'

export interface CorpusOptions {
  dir: string
  posts: number
  seed?: number
}

/** Writes `<dir>/content` with site.yaml and `posts` posts; returns the content folder. */
export function writeCorpus({ dir, posts, seed = 42 }: CorpusOptions): string {
  const rnd = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!
  const sentence = (n = 8 + Math.floor(rnd() * 14)) => {
    const words = Array.from({ length: n }, () => pick(WORDS))
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`
  }
  const paragraph = () => Array.from({ length: 4 + Math.floor(rnd() * 4) }, () => sentence()).join(' ')

  const content = path.join(dir, 'content')
  fs.rmSync(content, { recursive: true, force: true })
  fs.mkdirSync(path.join(content, 'posts'), { recursive: true })
  fs.writeFileSync(
    path.join(content, 'site.yaml'),
    'title: Bench\ndescription: A generated corpus.\nurl: https://bench.example.com\nlanguage: en\ntimeZone: Europe/Amsterdam\nauthor: Bench Author\npostsPerPage: 10\n',
  )
  const start = Date.UTC(2015, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  const seriesParts = new Map<string, number>()
  for (let i = 0; i < posts; i++) {
    const slug = `post-${String(i + 1).padStart(5, '0')}`
    const date = new Date(start + Math.floor((span * (i + rnd())) / posts)).toISOString().slice(0, 10)
    const categories = [pick(CATEGORIES), ...(rnd() < 0.3 ? [pick(CATEGORIES)] : [])]
    const tags = [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(TAGS)))]
    const inSeries = rnd() < 0.15
    const seriesName = `Series ${1 + Math.floor(i / 40)}`
    const part = inSeries ? (seriesParts.get(seriesName) ?? 0) + 1 : 0
    if (inSeries) seriesParts.set(seriesName, part)
    const [lang, code] = pick(LANGS)
    const sections: string[] = []
    for (let s = 0; s < 6; s++) {
      sections.push(`## ${sentence(3 + Math.floor(rnd() * 3)).slice(0, -1)} ${s + 1}`)
      sections.push(paragraph(), paragraph())
      if (s === 1)
        sections.push(`<Admonition type="${pick(ADMONITIONS)}" title="${sentence(3).slice(0, -1)}">\n${paragraph()}\n</Admonition>`)
      if (s === 2) sections.push(`\`\`\`${lang} title="example.${lang}" {1}\n${code}\n\`\`\``)
      if (s === 3) sections.push(`<Figure src="./figure.svg" alt="${sentence(5).slice(0, -1)}" caption="${sentence(6)}" />`)
      if (s === 4)
        sections.push(
          `<Stats>\n  <Stat value="${Math.floor(rnd() * 900)}" label="requests" />\n  <Stat value="${Math.floor(rnd() * 99)} ms" label="p99" note="${sentence(3)}" />\n</Stats>`,
        )
      if (s === 5) sections.push(`> [!${pick(['TIP', 'NOTE', 'WARNING'])}]\n> ${sentence()}`)
      if (rnd() < 0.5) sections.push(`### ${sentence(3).slice(0, -1)}`, paragraph())
    }
    const frontmatter = [
      '---',
      `title: "${sentence(4 + Math.floor(rnd() * 5)).slice(0, -1)}"`,
      `date: ${date}`,
      `categories: [${categories.join(', ')}]`,
      `tags: [${tags.join(', ')}]`,
      ...(inSeries ? [`series: "${seriesName}"`, `seriesPart: ${part}`] : []),
      '---',
    ]
    const folder = path.join(content, 'posts', slug)
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'index.mdx'), `${frontmatter.join('\n')}\n\n${paragraph()}\n\n${sections.join('\n\n')}\n`)
    fs.writeFileSync(path.join(folder, 'figure.svg'), FIGURE)
  }
  return content
}
