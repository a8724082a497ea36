import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { proxyConfig } from '@/bench/serve'

const LB = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx-lb.conf'), 'utf8')

describe('the bench’s proxy in front of next start', () => {
  it('is deploy/nginx-lb.conf with one upstream server and its own listen address', () => {
    const config = proxyConfig(LB, 4100, 4200)
    expect(config.match(/^\s*server\s+\S+:\d+.*;$/gm)).toEqual(['    server 127.0.0.1:4100;'])
    expect(config).toContain('listen 127.0.0.1:4200;')
    expect(config).not.toMatch(/listen 80;/)
    // What is measured is the file's own compression and proxying.
    for (const line of ['gzip on;', 'gzip_proxied any;', 'proxy_pass http://inkwell;', 'keepalive 16;']) expect(config).toContain(line)
  })

  it('refuses a config it cannot point at the server', () => {
    expect(() => proxyConfig('server { listen 80; }', 4100, 4200)).toThrow(/upstream server line/)
  })
})
