import { afterEach, describe, expect, it, vi } from 'vitest'

import config from '@/next.config.mjs'

// The end-to-end suite checks that next start behind deploy/nginx-lb.conf honours it (servers.test.ts).
describe('next.config.mjs', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('compresses responses unless INKWELL_COMPRESS=0 leaves that to a proxy', () => {
    expect(config('phase-production-server').compress).toBe(true)
    vi.stubEnv('INKWELL_COMPRESS', '1')
    expect(config('phase-production-server').compress).toBe(true)
    vi.stubEnv('INKWELL_COMPRESS', '0')
    expect(config('phase-production-server').compress).toBe(false)
  })
})
