// RSS 2.0 of the 20 newest posts (titles and summaries: Astro has no full-content feed without
// rendering every post a second time, or @astrojs/rss and the experimental container API).
import { site, summary } from '../lib/posts.mjs'

const escape = (s) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

export async function GET(context) {
  const { posts } = await site()
  const items = posts.slice(0, 20).map((post) => {
    const link = new URL(`/posts/${post.id}/`, context.site).href
    return `<item><title>${escape(post.data.title)}</title><link>${link}</link><guid>${link}</guid><pubDate>${post.data.date.toUTCString()}</pubDate><description>${escape(summary(post.body))}</description></item>`
  })
  const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>${context.site}</link><description>A generated corpus.</description>${items.join('')}</channel></rss>`
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml' } })
}
