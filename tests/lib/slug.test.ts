import { describe, expect, it } from 'vitest'

import { createSlugger, slugify } from '@/lib/slug'

describe('slugify', () => {
  it('makes URL slugs from names as github-slugger does', () => {
    expect(slugify('Velocity Berlin 2019')).toBe('velocity-berlin-2019')
    expect(slugify('React 19.3 & Next.js 16')).toBe('react-193-nextjs-16')
    expect(slugify('already-a-slug')).toBe('already-a-slug')
    expect(slugify('Ünïcödé Straße')).toBe('ünïcödé-straße')
  })

  it('leaves no stray hyphens where emoji, symbols or extra spaces were', () => {
    expect(slugify('🚀 Launch')).toBe('launch')
    expect(slugify('Hello — World')).toBe('hello-world')
    expect(slugify('Über-Fancy: Tips & Tricks')).toBe('über-fancy-tips-tricks')
    expect(slugify('  spaced  out  ')).toBe('spaced-out')
    expect(slugify('What?!')).toBe('what')
    expect(slugify('🚀')).toBe('')
  })

  it('gives different names the same slug when only symbols differ (callers must report the collision)', () => {
    expect(slugify('C++')).toBe(slugify('C'))
  })
})

describe('createSlugger', () => {
  it('numbers repeated headings -1, -2 as GitHub does', () => {
    const slug = createSlugger()
    expect(['Setup', 'Setup', 'Setup'].map(slug)).toEqual(['setup', 'setup-1', 'setup-2'])
  })

  it('never hands out an id twice, even when a heading text looks like a numbered one', () => {
    const slug = createSlugger()
    const ids = ['Setup-1', 'Setup', 'Setup', 'Setup 1', 'Setup'].map(slug)
    expect(ids).toEqual(['setup-1', 'setup', 'setup-2', 'setup-1-1', 'setup-3'])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses the fallback for headings with nothing to slug, numbered too', () => {
    const slug = createSlugger()
    expect(['🚀', '!!!', '🎉 Party'].map(slug)).toEqual(['section', 'section-1', 'party'])
    expect(createSlugger('part')('★')).toBe('part')
  })

  it('starts afresh for each document', () => {
    createSlugger()('Intro')
    expect(createSlugger()('Intro')).toBe('intro')
  })
})
