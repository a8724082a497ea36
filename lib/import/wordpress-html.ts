import { parseArgs } from './shortcodes'

// WordPress post HTML as WordPress itself shows it: classic-editor posts have no <p> (WordPress
// adds them while rendering, wpautop), and both editors use [shortcodes]. Both are done here,
// before the HTML is converted; shortcodes without an equivalent stay as text, reported.

const BLOCK =
  /^<\/?(p|div|h[1-6]|ul|ol|li|dl|dd|dt|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|iframe|form|section|article|aside|header|footer|nav|address|details|summary|video|audio|!--)[\s>/-]/i

/** WordPress's automatic paragraphs, simplified: blank lines part paragraphs, single newlines are line breaks; `<pre>` is left alone. */
export function autop(html: string): string {
  const kept: string[] = []
  const text = html.replace(/\r\n?/g, '\n').replace(/<pre[\s\S]*?<\/pre>/gi, (pre) => `\u0000${kept.push(pre) - 1}\u0000`)
  const paragraphs = text.split(/\n\s*\n/).map((chunk) => {
    const trimmed = chunk.trim()
    if (!trimmed) return ''
    if (BLOCK.test(trimmed) || /^\u0000\d+\u0000$/.test(trimmed)) return trimmed
    return `<p>${trimmed.replace(/\n/g, '<br />\n')}</p>`
  })
  return paragraphs
    .filter(Boolean)
    .join('\n\n')
    .replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]!)
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')

const KNOWN = ['caption', 'wp_caption', 'code', 'sourcecode', 'embed', 'youtube', 'vimeo', 'audio', 'video']

/**
 * Turns the shortcodes WordPress and its common plugins ship into HTML: captions into figures,
 * code into <pre>, embeds into players. `note` gets the offset of each one left as text.
 */
export function expandShortcodes(html: string, note: (offset: number, message: string) => void): string {
  const paired = /\[(caption|wp_caption|code|sourcecode|embed)([^\]]*)\]([\s\S]*?)\[\/\1\]/g
  let out = html.replace(paired, (_all, name: string, rawArgs: string, inner: string) => {
    const args = parseArgs(rawArgs)
    if (name === 'caption' || name === 'wp_caption') {
      const img = /<a[^>]*>\s*<img[^>]*>\s*<\/a>|<img[^>]*>/i.exec(inner)?.[0] ?? ''
      const caption = args.named.caption ?? inner.replace(img, '').trim()
      return `<figure>${img}<figcaption>${caption}</figcaption></figure>`
    }
    if (name === 'embed') return `<iframe src="${inner.trim()}"></iframe>`
    const lang = args.named.lang ?? args.named.language ?? args.positional[0]?.replace(/^language=/, '')
    return `<pre><code${lang ? ` class="language-${lang}"` : ''}>${escape(decode(inner.replace(/^\n|\n$/g, '')))}</code></pre>`
  })
  out = out.replace(/\[(youtube|vimeo)\s+([^\]\s]+)[^\]]*\]/g, (_m, _name, url: string) => `<iframe src="${url}"></iframe>`)
  // A video address alone on a line: WordPress shows the player (oEmbed).
  out = out.replace(
    /^\s*(https?:\/\/(?:www\.)?(?:youtube\.com\/watch\?v=|youtu\.be\/|vimeo\.com\/)\S+)\s*$/gm,
    '<iframe src="$1"></iframe>',
  )
  for (const m of out.matchAll(/\[\/?([a-z][\w-]*)(?:\s[^\]]*)?\]/g)) {
    if (/^\[\//.test(m[0]) || KNOWN.includes(m[1]!)) continue
    if (!out.includes(`[/${m[1]}]`) && !/=|^\[(gallery|playlist|contact-form|audio|video)\b/.test(m[0])) continue
    note(m.index, `WordPress shortcode [${m[1]}] kept as text: Inkwell has no equivalent (rewrite it in Markdown, or remove it)`)
  }
  return out
}
