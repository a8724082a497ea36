import { describe, expect, it } from 'vitest'

import { feedSafeHtml } from '@/lib/feed-html'

const PAGE = 'https://blog.example.com/posts/hello'

describe('feedSafeHtml', () => {
  it('makes links and images absolute on the post URL', () => {
    const html = feedSafeHtml(
      [
        '<a href="/archive">a</a>',
        '<a href="#notes">b</a>',
        '<a href="./second">c</a>',
        '<a href="https://other.example/x">d</a>',
        '<a href="mailto:me@example.com">e</a>',
        '<img src="/posts/hello/chart.webp" srcset="/a.png 1x, /b.png 2x" alt="">',
        '<video poster="/p.png" src="clip.mp4"></video>',
      ].join(''),
      PAGE,
    )
    expect(html).toBe(
      [
        '<a href="https://blog.example.com/archive">a</a>',
        '<a href="https://blog.example.com/posts/hello#notes">b</a>',
        '<a href="https://blog.example.com/posts/second">c</a>',
        '<a href="https://other.example/x">d</a>',
        '<a href="mailto:me@example.com">e</a>',
        '<img src="https://blog.example.com/posts/hello/chart.webp" srcset="https://blog.example.com/a.png 1x, https://blog.example.com/b.png 2x" alt="">',
        '<video poster="https://blog.example.com/p.png" src="https://blog.example.com/posts/clip.mp4"></video>',
      ].join(''),
    )
  })

  it('drops scripts, buttons, decorative parts, javascript: links and styling attributes', () => {
    const html = feedSafeHtml(
      '<div class="box" style="color:red" data-x="1" tabindex="0" onclick="go()" role="note"><script>alert(1)</script><button>Copy</button>' +
        '<svg aria-hidden="true"></svg><span hidden>secret</span><h2 id="a">Title<a class="heading-anchor" aria-hidden="true" href="#a">#</a></h2>' +
        '<a href="javascript:alert(1)">x</a></div>',
      PAGE,
    )
    expect(html).toBe('<div role="note"><h2 id="a">Title</h2><a>x</a></div>')
  })

  it('turns highlighted code into plain <pre><code>, keeping a title', () => {
    const highlighted = (lang: string, lines: string[]) =>
      `<pre tabindex="0" data-language="${lang}"><code data-language="${lang}" style="display:grid">${lines
        .map((l) => `<span data-line=""><span style="--shiki-light:#D73A49">${l}</span></span>`)
        .join('\n')}</code></pre>`
    const html = feedSafeHtml(
      `<figure data-rehype-pretty-code-figure=""><figcaption data-rehype-pretty-code-title="">x.ts</figcaption>${highlighted('ts', ['const a = "&lt;b&gt;"', 'a'])}</figure>` +
        `<figure data-rehype-pretty-code-figure="">${highlighted('python', ['print(1)'])}</figure>`,
      PAGE,
    )
    expect(html).toBe(
      '<figure><figcaption>x.ts</figcaption><pre><code>const a = "&lt;b>"\na</code></pre></figure><pre><code>print(1)</code></pre>',
    )
  })

  it('leaves ordinary figures alone', () => {
    expect(feedSafeHtml('<figure class="figure"><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>', PAGE)).toBe(
      '<figure><img src="https://blog.example.com/posts/a.png" alt="A"><figcaption>Cap</figcaption></figure>',
    )
  })
})
