// Posts newest first, terms and series: computed once per build and shared by every page.
import { getCollection } from 'astro:content'

export const PAGE_SIZE = 10

export const slugify = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

let loaded

export function site() {
  loaded ??= getCollection('posts').then((entries) => {
    const posts = entries.sort((a, b) => b.data.date - a.data.date)
    const group = (key) => {
      const terms = new Map()
      for (const post of posts) {
        for (const name of [post.data[key]].flat().filter(Boolean)) {
          const slug = slugify(name)
          if (!terms.has(slug)) terms.set(slug, { name, slug, posts: [] })
          terms.get(slug).posts.push(post)
        }
      }
      return [...terms.values()].sort((a, b) => a.name.localeCompare(b.name))
    }
    const series = group('series')
    for (const s of series) s.posts.sort((a, b) => (a.data.seriesPart ?? 0) - (b.data.seriesPart ?? 0))
    return { posts, categories: group('categories'), tags: group('tags'), series }
  })
  return loaded
}

export const words = (text) => text.split(/\s+/).filter(Boolean).length

export const formatDate = (date) => date.toLocaleDateString('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Europe/Amsterdam' })

/** The first paragraph of a post's body, as plain text. */
export const summary = (body) => (body.split(/\n\n/).find((p) => /^[A-Z]/.test(p)) ?? '').slice(0, 240)
