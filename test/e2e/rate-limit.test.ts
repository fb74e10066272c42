import { describe, expect, it } from 'vitest'
import { call } from './client.js'

/**
 * Next keeps an x-forwarded-for the client sent (it fills it in only when
 * missing), so each test here poses as its own client address, as a proxy
 * in front of the app would report it, and the rest of the suite (which
 * sends none) keeps its own quota.
 */
function attempt(address: string, password: string) {
  return call('POST', '/api/session/login', {
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username: 'ada', password }),
  })
}

const testAddress = '198.51.100.7'

describe('rate limiting inside Next.js (the login route, memory store)', () => {
  it('reports the quota on every attempt, and answers 429 after ten a minute, even with the right password', async () => {
    const address = testAddress
    const first = await attempt(address, 'lovelace')
    expect(first.status).toBe(200)
    expect(first.headers.get('ratelimit-policy')).toBe('"login";q=10;w=60')
    expect(first.headers.get('ratelimit')).toMatch(/^"login";r=9;t=\d+$/)
    for (let i = 0; i < 9; i++) {
      const guess = await attempt(address, `guess-${i}`)
      expect(guess.status).toBe(401)
      expect(guess.headers.get('ratelimit')).toMatch(new RegExp(`^"login";r=${8 - i};t=\\d+$`))
    }
    const refused = await attempt(address, 'lovelace')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' })
    expect(refused.headers.getSetCookie()).toEqual([])
  })
})
