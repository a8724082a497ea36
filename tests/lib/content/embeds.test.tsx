import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { feedComponents } from '@/components/feed'
import { mdxComponents } from '@/components/mdx'
import { evaluatePost } from '@/lib/content/run'
import { feedSafeHtml } from '@/lib/feed-html'
import { contentSecurityPolicy, framePolicy } from '@/lib/security-headers.mjs'
import type { Post } from '@/lib/content'
import { load, post, rejection, SITE_YAML, tempSite } from './helpers'

// <YouTube>, <Vimeo> and <Embed>: every id and address is checked where it is written, and the
// origins in use are what every page's frame-src allows.

/** A post as its feed item shows it: rendered with the feed registry, made feed-safe (lib/feed.ts does both). */
const feedHtml = (p: Post) => feedSafeHtml(renderToStaticMarkup(evaluatePost(p.code, feedComponents)({})), `https://example.org${p.url}`)

const YOUTUBE = '<YouTube id="k3Vb8Qm2XfE" title="A talk" />'
const SLIDES = '<Embed src="https://speakerdeck.com/player/4f2c1e8a9b7d" title="The slides" />'

/** The problems of a one-post site with `body`, as `posts/a.mdx:line:col message`. */
const problems = (body: string, siteYaml = SITE_YAML) => rejection(tempSite({ 'posts/a.mdx': post([], body) }, siteYaml))

describe('embeds', () => {
  it('lists the origins the posts frame, once each, sorted, for every page', async () => {
    const content = await load(
      tempSite({
        'posts/a.mdx': post([], `${YOUTUBE}\n\n${SLIDES}`),
        'posts/b.mdx': post([], `${YOUTUBE}\n\n<Vimeo id="76979871" title="Another" />`),
        'posts/c.mdx': post([], 'No embeds.'),
      }),
    )
    expect(content.bySlug.get('a')!.frames).toEqual(['https://www.youtube-nocookie.com', 'https://speakerdeck.com'])
    expect(content.bySlug.get('c')!.frames).toEqual([])
    expect(content.frames).toEqual(['https://player.vimeo.com', 'https://speakerdeck.com', 'https://www.youtube-nocookie.com'])
    expect(framePolicy(content.frames)).toBe('frame-src https://player.vimeo.com https://speakerdeck.com https://www.youtube-nocookie.com')
  })

  it('allows no frames at all on a site without embeds; the header alone allows any https frame', async () => {
    const content = await load(tempSite({ 'posts/a.mdx': post([], 'Text.') }))
    expect(content.frames).toEqual([])
    expect(framePolicy(content.frames)).toBe("frame-src 'none'")
    expect(contentSecurityPolicy()).toContain('; frame-src https:;')
  })

  it('renders Google Slides, SlideShare and an allow-listed origin', async () => {
    const body = [
      '<Embed src="https://docs.google.com/presentation/d/e/2PACX-1vQx7/pubembed" title="G" />',
      '<Embed src="https://www.slideshare.net/slideshow/embed_code/key/a1B2c3D4" title="S" />',
      '<Embed src="https://slides.example.com/deck/42" title="Ours" />',
    ].join('\n\n')
    const content = await load(tempSite({ 'posts/a.mdx': post([], body) }, `${SITE_YAML}embeds: [https://slides.example.com]\n`))
    expect(content.frames).toEqual(['https://docs.google.com', 'https://slides.example.com', 'https://www.slideshare.net'])
  })

  it.each([
    ['an id that is not YouTube’s', '<YouTube id="k3Vb8Qm2Xf" title="T" />', '6:10 <YouTube id="k3Vb8Qm2Xf"> is not a YouTube video id (a YouTube id is 11 letters, digits, - and _, as after v= in https://www.youtube.com/watch?v=…)'],
    ['a pasted YouTube address', '<YouTube id="https://youtu.be/k3Vb8Qm2XfE?t=4" title="T" />', '6:10 <YouTube id="https://youtu.be/k3Vb8Qm2XfE?t=4"> is not a YouTube video id (write id="k3Vb8Qm2XfE")'],
    ['a Vimeo id that is not a number', '<Vimeo id="76979871a" title="T" />', '6:8 <Vimeo id="76979871a"> is not a Vimeo video id (a Vimeo id is a number, as in https://vimeo.com/76979871)'],
    ['an id from an expression', '<Vimeo id={"7697"} title="T" />', '6:8 <Vimeo> id must be plain text such as id="…", so it can be checked at build'],
    ['props in a spread', '<YouTube {...{ id: "k3Vb8Qm2XfE" }} title="T" />', '6:10 {...spread} is not allowed on <YouTube>: its id must be checked at build (write each prop out)'],
    ['a missing title', '<YouTube id="k3Vb8Qm2XfE" />', '6:1 <YouTube> needs a title prop (add title="…")'],
    ['an embed inside a paragraph', `Watch ${YOUTUBE} now.`, '6:7 <YouTube> must stand on a line of its own, not inside a paragraph (put a blank line before and after it)'],
    ['content between the tags', '<Vimeo id="1" title="T">Text</Vimeo>', '6:1 <Vimeo> takes no content between its tags (write <Vimeo … />; the title goes in title="…")'],
    ['a plain http address', '<Embed src="http://speakerdeck.com/player/1" title="T" />', '6:8 <Embed src="http://speakerdeck.com/player/1"> is not an https:// address (give the player\'s full address, as in its embed code)'],
    ['a video in <Embed>', '<Embed src="https://www.youtube.com/embed/k3Vb8Qm2XfE" title="T" />', '6:8 <Embed> does not play YouTube videos (write <YouTube id="…" title="…" />, which plays it without cookies)'],
    ['a slide page instead of its player', '<Embed src="https://speakerdeck.com/mira/fast-for-ten-years" title="T" />', '6:8 <Embed src="https://speakerdeck.com/mira/fast-for-ten-years"> is not a Speaker Deck player address (use the address from its embed code: https://speakerdeck.com/player/…)'],
    ['an origin outside the allow-list', '<Embed src="https://evil.example/player" title="T" />', '6:1 <Embed> loads a player from https://evil.example, which is not an allowed embed origin (add it to content/site.yaml: embeds: [https://evil.example]; or link to it)'],
  ])('fails %s at its place', async (_what, body, expected) => {
    expect(await problems(body)).toEqual([`posts/a.mdx:${expected}`])
  })

  it('fails an allow-list entry that is not an https origin, in site.yaml', async () => {
    const [problem] = await problems(YOUTUBE, `${SITE_YAML}embeds: [https://slides.example.com/decks]\n`)
    expect(problem).toMatch(/^site\.yaml:5:\d+ embeds\.0 string "https:\/\/slides\.example\.com\/decks" is invalid: an origin: https:\/\/ and a host name, with no path \(write embeds: \[https:\/\/slides\.example\.com\]\)$/)
  })

  it('refuses an embed made by an expression, which the check cannot read', async () => {
    const content = await load(tempSite({ 'posts/a.mdx': post([], '{<Vimeo id="1" title="T" />}') }))
    expect(() => renderToStaticMarkup(evaluatePost(content.bySlug.get('a')!.code, mdxComponents)({}))).toThrow(
      /posts\/a\.mdx:6:1 an expression made a <Vimeo>, which must be written in the post itself so that the check can read it/,
    )
  })

  it('gives feeds a link to each video and deck with its title, and no player', async () => {
    const content = await load(tempSite({ 'posts/a.mdx': post([], `${YOUTUBE}\n\n<Vimeo id="76979871" title="Another" />\n\n${SLIDES}`) }))
    expect(feedHtml(content.bySlug.get('a')!)).toBe(
      [
        '<p><a href="https://www.youtube.com/watch?v=k3Vb8Qm2XfE">A talk</a> (video on YouTube)</p>',
        '<p><a href="https://vimeo.com/76979871">Another</a> (video on Vimeo)</p>',
        '<p><a href="https://speakerdeck.com/player/4f2c1e8a9b7d">The slides</a> (slides on Speaker Deck)</p>',
      ].join('\n'),
    )
  })
})
