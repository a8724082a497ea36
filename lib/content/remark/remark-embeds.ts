import { EMBED_COMPONENTS, slideHost, VIDEO_PROVIDERS, type VideoComponent } from '../embeds'
import { visitPost, type InkwellPlugin, type Placed, type RemarkContext } from './context'
import { attribute, isJsxElement, type JsxElement } from './jsx'

// Addresses of the video providers, which have components of their own.
const VIDEO_HOSTS: [VideoComponent, RegExp][] = [
  ['YouTube', /(^|\.)(youtube\.com|youtube-nocookie\.com|youtu\.be)$/],
  ['Vimeo', /(^|\.)vimeo\.com$/],
]

const isVideo = (name: string): name is VideoComponent => name in VIDEO_PROVIDERS

/**
 * Checks every <YouTube>, <Vimeo> and <Embed>: written as a block of its own, the id or address as plain text and in the form
 * the player needs. Records the origin each one frames, at its place, for the loader to check
 * against site.yaml `embeds` and to put into the Content-Security-Policy.
 */
export const remarkEmbeds: InkwellPlugin = (ctx) => (tree) => {
  visitPost(tree, (node) => {
    if (!isJsxElement(node) || !node.name || !EMBED_COMPONENTS[node.name]) return
    const name = node.name
    if (!literalProp(ctx, node, EMBED_COMPONENTS[name]!)) return
    if (node.type === 'mdxJsxTextElement') ctx.fail(`<${name}> must stand on a line of its own, not inside a paragraph (put a blank line before and after it)`, node)
    if (node.children.length) ctx.fail(`<${name}> takes no content between its tags (write <${name} … />; the title goes in title="…")`, node)
    const origin = isVideo(name) ? videoOrigin(ctx, name, node) : name === 'Embed' ? embedOrigin(ctx, node) : undefined
    const start = node.position?.start
    if (origin && start) ctx.facts.frames.push({ origin, line: start.line, column: start.column })
  })
}

/** Fails the prop that must be plain text when it is not (or may hide in a spread); true when it is there as text. */
function literalProp(ctx: RemarkContext, node: JsxElement, prop: string): boolean {
  let ok = true
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxExpressionAttribute') {
      ctx.fail(`{...spread} is not allowed on <${node.name}>: its ${prop} must be checked at build (write each prop out)`, at(a, node))
      ok = false
    } else if (a.name === prop && typeof a.value !== 'string') {
      ctx.fail(`<${node.name}> ${prop} must be plain text such as ${prop}="…", so it can be checked at build`, at(a, node))
      ok = false
    }
  }
  return ok && attribute(node, prop) !== undefined
}

/** The player origin of a video whose id has the provider's form; undefined (and a failure) otherwise. */
function videoOrigin(ctx: RemarkContext, name: VideoComponent, node: JsxElement): string | undefined {
  const provider = VIDEO_PROVIDERS[name]
  const id = attribute(node, 'id')!
  const value = id.value as string
  if (provider.id.test(value)) return provider.origin
  const found = idFromUrl(name, value)
  const hint = found ? `write id="${found}"` : `a ${provider.name} id is ${provider.idText}`
  ctx.fail(`<${name} id="${value.slice(0, 60)}"> is not a ${provider.name} video id (${hint})`, at(id, node))
  return undefined
}

/** The id in a pasted video address (`https://youtu.be/…`, `…watch?v=…`, `https://vimeo.com/123`), if any. */
function idFromUrl(name: VideoComponent, text: string): string | undefined {
  const found = name === 'YouTube' ? /(?:v=|youtu\.be\/|\/embed\/|\/shorts\/)([A-Za-z0-9_-]{11})/.exec(text)?.[1] : /vimeo\.com\/(?:video\/)?(\d+)/.exec(text)?.[1]
  return found && VIDEO_PROVIDERS[name].id.test(found) ? found : undefined
}

/** The origin an <Embed src> frames, when its address can be a player; undefined (and a failure) otherwise. */
function embedOrigin(ctx: RemarkContext, node: JsxElement): string | undefined {
  const src = attribute(node, 'src')!
  const value = src.value as string
  const fail = (message: string): undefined => {
    ctx.fail(message, at(src, node))
    return undefined
  }
  const url = URL.canParse(value) ? new URL(value) : undefined
  if (!url || url.protocol !== 'https:' || url.username || url.password) {
    return fail(`<Embed src="${value.slice(0, 60)}"> is not an https:// address (give the player's full address, as in its embed code)`)
  }
  const video = VIDEO_HOSTS.find(([, host]) => host.test(url.hostname))?.[0]
  if (video) return fail(`<Embed> does not play ${video} videos (write <${video} id="…" title="…" />, which plays it without cookies)`)
  const host = slideHost(value)
  if (host && !host.path.test(url.pathname)) {
    return fail(`<Embed src="${value.slice(0, 60)}"> is not a ${host.name} player address (use the address from its embed code: ${host.example})`)
  }
  return url.origin
}

/** A node's attribute as a place, else the node. */
const at = (a: { position?: Placed['position'] }, node: JsxElement): Placed => (a.position ? a : node)
