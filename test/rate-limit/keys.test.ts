import { describe, expect, it } from 'vitest'
import { ipKey, userKey } from '../../src/rate-limit/index.js'
import { request } from '../helpers.js'

const keyOf = (key: ReturnType<typeof ipKey>, headers: Record<string, string>) => key({ req: request('GET', '/', { headers }), ctx: {} })

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

  it('keys by ctx.auth.sub and leaves anonymous requests to other limiters', () => {
    expect(key({ req, ctx: { auth: { sub: 'ada' } } })).toBe('user:ada')
    expect(key({ req, ctx: { auth: undefined } })).toBeUndefined()
    expect(key({ req, ctx: { auth: { sub: '' } } })).toBeUndefined()
    expect(key({ req, ctx: {} as never })).toBeUndefined() // only plain JS gets here: the types require `auth`
  })
})
