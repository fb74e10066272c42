import { describe, expect, it } from 'vitest'
import { bearer, call } from './client.js'

const path = '/api/legacy/connect/notes'
const json = { 'content-type': 'application/json' }

describe('a next-connect route using routekit (Pages Router)', () => {
  it('serves the migrated GET through the mounted routekit handler, validation included', async () => {
    const list = await call('GET', `${path}?limit=1`)
    expect(list.status).toBe(200)
    expect(list.json()).toHaveLength(1)
    const invalid = await call('GET', `${path}?limit=500`)
    expect(invalid.status).toBe(400)
    expect(invalid.headers.get('content-type')).toBe('application/problem+json')
    expect(invalid.json()).toMatchObject({ status: 400, errors: [{ in: 'query', path: ['limit'] }] })
  })

  it('guards the legacy POST with routekit’s jwt(): 401 with a challenge, 403 without the scope', async () => {
    const anonymous = await call('POST', path, { headers: json, body: '{"text":"x"}' })
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="api"')
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'missing_token' })
    const reader = await call('POST', path, { headers: { ...json, ...(await bearer('notes:read')) }, body: '{"text":"x"}' })
    expect(reader.status).toBe(403)
    expect(reader.headers.get('www-authenticate')).toBe('Bearer realm="api", error="insufficient_scope", scope="notes:write"')
  })

  it('validates the legacy POST’s body with routekit: 422 problem, malformed JSON 400', async () => {
    const headers = { ...json, ...(await bearer()) }
    const invalid = await call('POST', path, { headers, body: '{"text":""}' })
    expect(invalid.status).toBe(422)
    expect(invalid.json()).toMatchObject({ status: 422, errors: [{ in: 'body', path: ['text'] }] })
    const malformed = await call('POST', path, { headers, body: '{"text":' })
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')
  })

  it('runs the legacy handler with the typed claims and body: the note exists on the App Router too', async () => {
    const created = await call('POST', path, { headers: { ...json, ...(await bearer()) }, body: '{"text":"via next-connect"}' })
    expect(created.status).toBe(201)
    const note = created.json()
    expect(note).toMatchObject({ owner: 'grace', text: 'via next-connect', tags: [] })
    expect(created.headers.get('location')).toBe(`/api/notes/${note.id}`)
    expect((await call('GET', `/api/notes/${note.id}`)).json()).toMatchObject({ id: note.id, text: 'via next-connect' })
  })

  it("answers methods next-connect has no route for as routekit does: 405 with Allow (nodeRouterAnswers)", async () => {
    const answer = await call('PUT', path, { headers: json, body: '{}' })
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
  })
})
