import { describe, expect, it } from 'vitest'

import { absoluteUrl, decodeUrl, encodePath, fromParam } from '@/lib/urls'

describe('URLs in any script', () => {
  it('percent-encodes what is not printable ASCII, and keeps escapes already there', () => {
    expect(encodePath('/posts/日本語')).toBe('/posts/%E6%97%A5%E6%9C%AC%E8%AA%9E')
    expect(encodePath('/posts/a/my%20chart.png')).toBe('/posts/a/my%20chart.png')
    expect(absoluteUrl('https://blog.example.com/sub', '/tags/ünï')).toBe('https://blog.example.com/sub/tags/%C3%BCn%C3%AF')
  })

  it('gives the home page of a site under a base path as the site links it, without a trailing slash', () => {
    expect(absoluteUrl('https://me.github.io/blog', '/')).toBe('https://me.github.io/blog')
    expect(absoluteUrl('https://me.github.io/blog', '/feed.xml')).toBe('https://me.github.io/blog/feed.xml')
    expect(absoluteUrl('https://blog.example.com', '/')).toBe('https://blog.example.com/')
  })

  it('decodes escapes, and says which one is broken instead of throwing', () => {
    expect(decodeUrl('/posts/%E6%97%A5', 'link')).toEqual({ value: '/posts/日' })
    expect(decodeUrl('/a%zz', 'link "/a%zz"')).toEqual({
      error: 'link "/a%zz" is not a valid URL: "%zz" is not a percent-escape (write %25 for a literal %)',
      at: 2,
    })
    expect(decodeUrl('/100%', 'alias "/100%"')).toEqual({
      error: 'alias "/100%" is not a valid URL: "%" is not a percent-escape (write %25 for a literal %)',
      at: 4,
    })
    expect(decodeUrl('/a%C3%28', 'link "x"')).toEqual({
      error: 'link "x" is not a valid URL: "%C3%28" is not UTF-8 text (write %25 for a literal %)',
      at: 2,
    })
  })

  it('reads route parameters as content names them: decoded, in NFC', () => {
    expect(fromParam('%E6%97%A5%E6%9C%AC%E8%AA%9E')).toBe('日本語')
    expect(fromParam('日本語')).toBe('日本語')
    expect(fromParam('u\u0308ber')).toBe('über')
    expect(fromParam('bad%zz')).toBe('bad%zz')
  })
})
