import { describe, expect, it } from 'vitest'
import { ipKey, userKey } from '../../src/rate-limit/index.js'
import { request } from '../helpers.js'

const keyOf = (key: ReturnType<typeof ipKey>, headers: Record<string, string>) => {
  const req = request('GET', '/', { headers })
  return key({ req, headers: req.headers, ctx: {} })
}

describe('ipKey', () => {
  const oneProxy = ipKey({ header: 'x-forwarded-for' })

  it('takes the right-most entry: the one your proxy appended', () => {
    expect(keyOf(oneProxy, { 'x-forwarded-for': '203.0.113.7' })).toBe('ip:203.0.113.7')
    // A client that sends its own header cannot choose its key: the proxy appends the real address.
    expect(keyOf(oneProxy, { 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 203.0.113.7' })).toBe('ip:203.0.113.7')
  })

  it('counts proxies from the right', () => {
    const twoProxies = ipKey({ header: 'x-forwarded-for', proxies: 2 })
    expect(keyOf(twoProxies, { 'x-forwarded-for': 'spoofed, 203.0.113.7, 10.0.0.2' })).toBe('ip:203.0.113.7')
  })

  it('reads single-address headers and IPv6', () => {
    const cloudflare = ipKey({ header: 'cf-connecting-ip' })
    expect(keyOf(cloudflare, { 'cf-connecting-ip': '2001:DB8::1' })).toBe('ip:2001:db8::1')
  })

  it('leaves out the port some proxies add, which changes with every connection', () => {
    // Azure Application Gateway appends `IP:port`; IPv6 then comes bracketed.
    expect(keyOf(oneProxy, { 'x-forwarded-for': '1.1.1.1, 203.0.113.7:51234' })).toBe('ip:203.0.113.7')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '[2001:DB8::1]:443' })).toBe('ip:2001:db8::1')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '[2001:db8::1]' })).toBe('ip:2001:db8::1')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '2001:db8::1' })).toBe('ip:2001:db8::1')
  })

  it('gives every spelling of one address one key, so rewriting it buys no fresh quota', () => {
    const spellings = ['2001:db8::1', '2001:db8:0:0:0:0:0:1', '2001:0DB8:0000::0001', '[2001:db8:0::1]:8443']
    for (const spelling of spellings) expect(keyOf(oneProxy, { 'x-forwarded-for': spelling })).toBe('ip:2001:db8::1')
    // IPv4-mapped IPv6 (what a dual-stack socket reports) is the IPv4 client.
    for (const spelling of ['::ffff:192.0.2.1', '::FFFF:c000:0201', '0:0:0:0:0:ffff:192.0.2.1']) {
      expect(keyOf(oneProxy, { 'x-forwarded-for': spelling })).toBe('ip:192.0.2.1')
    }
    // RFC 5952: the longest zero run is compressed, the first when tied; a lone zero group is not.
    expect(keyOf(oneProxy, { 'x-forwarded-for': '2001:0:0:1:0:0:0:1' })).toBe('ip:2001:0:0:1::1')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '2001:db8:0:1:1:1:1:1' })).toBe('ip:2001:db8:0:1:1:1:1:1')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '::' })).toBe('ip:::')
  })

  it('refuses what only looks like an address', () => {
    for (const spelling of ['999.1.1.1', '1.2.3', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', '2001:db8:::1', '12345::1']) {
      expect(keyOf(oneProxy, { 'x-forwarded-for': spelling })).toBe('ip:unknown')
    }
  })

  it('puts requests without a usable address in one shared bucket, not unlimited', () => {
    expect(keyOf(oneProxy, {})).toBe('ip:unknown')
    expect(keyOf(oneProxy, { 'x-forwarded-for': 'x'.repeat(5000) })).toBe('ip:unknown')
    expect(keyOf(oneProxy, { 'x-forwarded-for': '203.0.113.7, ' })).toBe('ip:unknown')
    expect(keyOf(ipKey({ header: 'x-forwarded-for', proxies: 2 }), { 'x-forwarded-for': '203.0.113.7' })).toBe('ip:unknown')
  })
})

describe('userKey', () => {
  const key = userKey()
  const req = request('GET')
  const { headers } = req

  it('keys by ctx.auth.sub and leaves anonymous requests to other limiters', () => {
    expect(key({ req, headers, ctx: { auth: { sub: 'ada' } } })).toBe('user:ada')
    expect(key({ req, headers, ctx: { auth: undefined } })).toBeUndefined()
    expect(key({ req, headers, ctx: { auth: { sub: '' } } })).toBeUndefined()
    expect(key({ req, headers, ctx: {} as never })).toBeUndefined() // only plain JS gets here: the types require `auth`
  })
})
