// The example app's own tests: its handlers run without Next.js through
// routekit/testing, as a user's tests would.
import { testRoute, testSessionCookie, testToken } from 'routekit/testing'
import { describe, expect, it } from 'vitest'
import { legacyNoteHandler } from '../lib/handlers/legacy-note'
import { noteHandler } from '../lib/handlers/note'
import { notesHandler } from '../lib/handlers/notes'
import { audience, issuer, jwtSecret, sessionSecret } from '../lib/secrets'

const token = (scope: string, sub = 'grace') => testToken({ sub, scope }, { secret: jwtSecret, issuer, audience })

describe('notes (App Router handler)', () => {
  it('lists notes without credentials', async () => {
    const { status, body } = await testRoute(notesHandler, { url: '/api/notes', query: { limit: 1 } })
    expect(status).toBe(200)
    expect(body).toHaveLength(1)
  })

  it('creates a note for a token with notes:write', async () => {
    const { status, body, headers } = await testRoute(notesHandler, {
      method: 'POST',
      url: '/api/notes',
      body: { text: 'from the example tests', tags: ['test'] },
      auth: await token('notes:write'),
    })
    expect(status).toBe(201)
    expect(body).toMatchObject({ owner: 'grace', text: 'from the example tests', tags: ['test'] })
    expect(headers.get('location')).toBe(`/api/notes/${body.id}`)
  })

  it('refuses a token without the scope, and an invalid body', async () => {
    const reader = await testRoute(notesHandler, { method: 'POST', body: { text: 'x' }, auth: await token('notes:read') })
    expect(reader.status).toBe(403)
    const empty = await testRoute(notesHandler, { method: 'POST', body: { text: '' }, auth: await token('notes:write') })
    expect(empty.status).toBe(422)
    expect(empty.body.errors[0]).toMatchObject({ in: 'body', path: ['text'] })
  })
})

describe('note (App Router handler)', () => {
  it('changes only what a PATCH sends: the tags stay when only the text changes', async () => {
    const auth = await token('notes:write')
    const { body: note } = await testRoute(notesHandler, { method: 'POST', url: '/api/notes', body: { text: 'a', tags: ['kept'] }, auth })
    const url = `/api/notes/${note.id}`
    const edited = await testRoute(noteHandler, { method: 'PATCH', url, params: { id: String(note.id) }, body: { text: 'b' }, auth })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({ id: note.id, text: 'b', tags: ['kept'] })
    const read = await testRoute(noteHandler, { url, params: { id: String(note.id) } })
    expect(read.body).toMatchObject({ text: 'b', tags: ['kept'] })
  })

  it('answers a PATCH of someone else\'s note with 403, and of no note with 404', async () => {
    const stranger = await testRoute(noteHandler, { method: 'PATCH', url: '/api/notes/1', params: { id: '1' }, body: { text: 'x' }, auth: await token('', 'eve') })
    expect(stranger.status).toBe(403)
    const missing = await testRoute(noteHandler, { method: 'PATCH', url: '/api/notes/999', params: { id: '999' }, body: {}, auth: await token('') })
    expect(missing).toMatchObject({ status: 404, body: { status: 404, code: 'not_found' } })
  })
})

describe('legacy note (Pages Router handler)', () => {
  const route = { router: 'pages' as const, url: '/api/legacy/notes/1', params: { id: '1' } }

  it('reads a note', async () => {
    const { status, body } = await testRoute(legacyNoteHandler, route)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: 1, owner: 'ada' })
  })

  it('lets its owner edit it through the session, and no one else', async () => {
    const edit = { ...route, method: 'PUT', body: { text: 'Try routekit', tags: ['welcome'] } }
    const owner = await testRoute(legacyNoteHandler, { ...edit, cookies: await testSessionCookie({ username: 'ada' }, { secret: sessionSecret }) })
    expect(owner.status).toBe(200)
    const stranger = await testRoute(legacyNoteHandler, { ...edit, cookies: await testSessionCookie({ username: 'eve' }, { secret: sessionSecret }) })
    expect(stranger.status).toBe(403)
    const anonymous = await testRoute(legacyNoteHandler, edit)
    expect(anonymous.status).toBe(401)
  })
})
