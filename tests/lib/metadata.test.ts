import { expect, it } from 'vitest'

import { jsonLdText } from '@/lib/metadata'

it('writes JSON-LD that no text can break out of', () => {
  const data = { headline: 'A </script><script>alert(1)</script> & more' }
  const text = jsonLdText(data)
  expect(text).not.toMatch(/[<>&]/)
  expect(JSON.parse(text)).toEqual(data)
})
