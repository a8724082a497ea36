import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { contentSecurityPolicy, securityHeaders, svgPolicy } from '@/lib/security-headers.mjs'

// deploy/nginx.conf is written by hand, for people to read and adapt; this keeps its headers those
// of lib/security-headers.mjs, which next start sends and npm run export writes to _headers.
const conf = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf'), 'utf8')

/** The entries of `map $uri $<name> { … }`: pattern → value. */
function mapEntries(name: string): Record<string, string> {
  const block = new RegExp(`map \\$uri \\$${name} \\{([^}]*)\\}`).exec(conf)?.[1] ?? ''
  return Object.fromEntries([...block.matchAll(/^\s*(\S+)\s+"([^"]*)";/gm)].map((m) => [m[1]!, m[2]!]))
}

describe('deploy/nginx.conf', () => {
  it('sends the Content-Security-Policy of lib/security-headers.mjs, and the SVG policy for SVGs', () => {
    expect(mapEntries('inkwell_csp')).toEqual({ default: contentSecurityPolicy(), '~*\\.svg$': svgPolicy })
    expect(conf).toMatch(/^\s*add_header Content-Security-Policy \$inkwell_csp always;$/m)
  })

  it('sends every other security header, exactly, and nothing else', () => {
    const sent = [...conf.matchAll(/^\s*add_header (\S+) "([^"]*)" always;$/gm)].map((m) => ({ key: m[1], value: m[2] }))
    expect(sent).toEqual(securityHeaders)
    const all = [...conf.matchAll(/^\s*add_header (\S+)/gm)].map((m) => m[1])
    expect(all.sort()).toEqual(['Cache-Control', 'Content-Security-Policy', ...securityHeaders.map((h) => h.key)].sort())
  })

  it('caches the hashed files for a year, as _headers does', () => {
    expect(mapEntries('inkwell_cache_control')['~^/_next/static/']).toBe('public, max-age=31536000, immutable')
  })
})
