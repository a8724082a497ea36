import { describe, expect, it } from 'vitest'

import { countLinks, renderComment } from '@/lib/comments'

describe('comment Markdown', () => {
  it('renders paragraphs, emphasis, links, code, lists and quotes', () => {
    const html = renderComment(
      'Hello *there* and **you**.\n\n- one\n- two\n\n1. first\n\n> quoted\n\n`inline` and\n\n```js\nconst a = 1 < 2\n```\n\n[a link](https://example.com)',
    )
    expect(html).toContain('<p>Hello <em>there</em> and <strong>you</strong>.</p>')
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>')
    expect(html).toContain('<ol>\n<li>first</li>\n</ol>')
    expect(html).toContain('<blockquote>\n<p>quoted</p>\n</blockquote>')
    expect(html).toContain('<code>inline</code>')
    expect(html).toContain('<pre><code>const a = 1 &#x3C; 2\n</code></pre>')
    expect(html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">a link</a>')
  })

  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['[click](JaVaScRiPt:alert(1))', 'avascript'],
    ['[data](data:text/html;base64,PHNjcmlwdD4=)', 'data:'],
    ['![pic](https://tracker.example/p.gif)', '<img'],
    ['<iframe src="https://evil.example"></iframe>', '<iframe'],
    ['<div onclick="alert(1)">hi</div>', 'onclick'],
    ['<style>body{display:none}</style>', '<style'],
    ['[x](https://example.com "title" onmouseover=alert(1))', 'onmouseover'],
  ])('renders %s inert', (markdown, forbidden) => {
    // Whatever is left is text: nothing forbidden inside a tag.
    const tags = renderComment(markdown).match(/<[^>]*>/g) ?? []
    expect(tags.filter((tag) => tag.toLowerCase().includes(forbidden.toLowerCase()))).toEqual([])
  })

  it('shows raw HTML as nothing and an image as its alt text', () => {
    expect(renderComment('a <b>bold</b> word')).toBe('<p>a bold word</p>')
    expect(renderComment('![a cat](https://example.com/cat.jpg)')).toBe('<p>a cat</p>')
    expect(renderComment('[x](javascript:alert(1))')).toBe('<p><a rel="nofollow ugc noopener">x</a></p>')
  })

  it('counts links, bare URLs included', () => {
    expect(countLinks('no links')).toBe(0)
    expect(countLinks('https://a.example and [b](https://b.example) and <https://c.example> and www.d.example')).toBe(4)
  })
})
