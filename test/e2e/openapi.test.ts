import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { call } from './client.js'

const committed = JSON.parse(readFileSync(new URL('../../examples/next-app/openapi.json', import.meta.url), 'utf8'))

describe('the OpenAPI document in Next.js', () => {
  it('is served at /api/openapi, equal to the committed openapi.json', async () => {
    const answer = await call('GET', '/api/openapi')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json')
    expect(answer.json()).toEqual(committed)
  })

  it('answers a client that has it with 304', async () => {
    const first = await call('GET', '/api/openapi')
    const again = await call('GET', '/api/openapi', { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
  })

  it('is readable at /api/openapi/reference, a page that loads nothing', async () => {
    const page = await call('GET', '/api/openapi/reference')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(page.text).toContain('<code class="path">/api/notes/{id}</code>')
    expect(page.text).not.toMatch(/<script|\ssrc=/)
  })
})
