// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, describe, expect, it } from 'vitest'

import { JsonLd } from '@/components/json-ld'

afterEach(cleanup)

const data = {
  '@context': 'https://schema.org',
  '@type': 'BlogPosting',
  headline: 'Ending a script: </script><script>alert(1)</script> & <!-- more',
}

describe('JsonLd', () => {
  it('writes the data as a JSON-LD script that no text in it can close', () => {
    const html = renderToStaticMarkup(<JsonLd data={data} />)
    expect(html).toMatch(/^<script type="application\/ld\+json">[^<]*<\/script>$/)
    expect(html).not.toContain('</script><script>')
    expect(html).not.toContain('<!--')
    expect(html).toContain('\\u003c/script\\u003e')
    expect(html).toContain('\\u0026')
  })

  it('still parses back to the same data', () => {
    const { container } = render(<JsonLd data={data} />)
    const scripts = container.querySelectorAll('script')
    expect(scripts).toHaveLength(1)
    expect(scripts[0]!.type).toBe('application/ld+json')
    expect(JSON.parse(scripts[0]!.textContent!)).toEqual(data)
  })
})
