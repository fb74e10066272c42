import { describe, expect, it } from 'vitest'
import { bearer, call } from './client.js'

const json = { 'content-type': 'application/json' }

describe('JWT-protected routes in Next.js', () => {
  it('answers no token with 401 and a realm-only Bearer challenge, on both routers', async () => {
    for (const path of ['/api/notes', '/api/import']) {
      const answer = await call('POST', path, { headers: json, body: '{"text":"x"}' })
      expect(answer.status).toBe(401)
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="api"')
      expect(answer.json()).toMatchObject({ status: 401, code: 'missing_token' })
    }
  })

  it('answers a bad token with 401 invalid_token, and a missing scope with 403', async () => {
    const junk = await call('POST', '/api/notes', { headers: { ...json, authorization: 'Bearer a.b.c' }, body: '{"text":"x"}' })
    expect(junk.status).toBe(401)
    expect(junk.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
    const readOnly = await call('POST', '/api/notes', { headers: { ...json, ...(await bearer('notes:read')) }, body: '{"text":"x"}' })
    expect(readOnly.status).toBe(403)
    expect(readOnly.headers.get('www-authenticate')).toBe('Bearer realm="api", error="insufficient_scope", scope="notes:write"')
  })

  it('creates, edits and deletes a note with a valid token', async () => {
    const headers = { ...json, ...(await bearer()) }
    const created = await call('POST', '/api/notes', { headers, body: '{"text":"from e2e","tags":["e2e"]}' })
    expect(created.status).toBe(201)
    const note = created.json()
    expect(created.headers.get('location')).toBe(`/api/notes/${note.id}`)
    expect(note).toMatchObject({ owner: 'grace', text: 'from e2e', tags: ['e2e'] })

    const edited = await call('PATCH', `/api/notes/${note.id}`, { headers, body: '{"text":"edited"}' })
    expect(edited.json()).toMatchObject({ id: note.id, text: 'edited' })
    const stranger = await call('PATCH', `/api/notes/${note.id}`, { headers: { ...json, ...(await bearer('notes:write', 'eve')) }, body: '{"text":"mine now"}' })
    expect(stranger.status).toBe(403)

    expect((await call('DELETE', `/api/notes/${note.id}`, { headers })).status).toBe(204)
    expect((await call('GET', `/api/notes/${note.id}`)).status).toBe(404)
  })

  it('is not bypassed by x-middleware-subrequest', async () => {
    const answer = await call('POST', '/api/notes', {
      headers: { ...json, 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      body: '{"text":"x"}',
    })
    expect(answer.status).toBe(401)
  })
})

describe('one store behind both routers', () => {
  it('shows a note created through the App Router on the Pages Router', async () => {
    const created = await call('POST', '/api/notes', { headers: { ...json, ...(await bearer()) }, body: '{"text":"shared"}' })
    const viaPages = await call('GET', `/api/legacy/notes/${created.json().id}`)
    expect(viaPages.status).toBe(200)
    expect(viaPages.json()).toEqual(created.json())
  })
})
