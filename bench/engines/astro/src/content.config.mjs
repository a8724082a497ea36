import { glob } from 'astro/loaders'
import { defineCollection, z } from 'astro:content'

const posts = defineCollection({
  // One folder per post (index.mdx and its figure), as in the Inkwell corpus.
  loader: glob({ pattern: '*/index.mdx', base: './src/content/posts', generateId: ({ entry }) => entry.split('/')[0] }),
  schema: z.object({
    title: z.string(),
    date: z.coerce.date(),
    categories: z.array(z.string()).default([]),
    tags: z.array(z.string()).default([]),
    series: z.string().optional(),
    seriesPart: z.number().optional(),
  }),
})

export const collections = { posts }
