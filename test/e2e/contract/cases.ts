// The requests the contract test sends, per operation of the example's
// document: a valid one, an invalid one and, where the operation needs
// credentials, one with credentials the app refuses, each with the status
// the app must answer. Keyed by operationId, and the test fails for an
// operation missing here, so a new route is covered once it is documented.
import { createHmac, randomUUID } from 'node:crypto'
import { testSessionCookie } from '../../../src/testing/index.js'
import { sessionSecret } from '../../../examples/next-app/lib/secrets.js'
import { githubWebhookSecret, stripeWebhookSecret } from '../../../examples/next-app/lib/webhook-secrets.js'
import { bearer } from '../client.js'

export interface Exchange {
  method: string
  path: string
  headers?: Record<string, string>
  body?: unknown
  /** The status the app answers with; the document must describe that answer. */
  status: number
}

export interface OperationCases {
  valid: Exchange
  invalid?: Exchange
  /** With credentials the app refuses (Prism itself answers a request that has none). */
  unauthenticated?: Exchange
  /** Other documented answers worth checking, such as a declared 404. */
  more?: Exchange[]
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({ headers: { 'content-type': 'application/json', ...headers }, body })
const badToken = { authorization: 'Bearer not.a.token' }
const badCookie = { cookie: 'session=forged' }
// A client address of its own, so the rest of the suite keeps its login quota.
const address = { 'x-forwarded-for': '192.0.2.77' }

const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex')

// Signed as Stripe and GitHub sign: over the exact bytes sent, which are the
// body's JSON.stringify (each event unique, as the routes refuse replays).
function toStripe(event: object, secret = stripeWebhookSecret) {
  const body = { id: `evt_${randomUUID()}`, created: Math.floor(Date.now() / 1000), data: { object: {} }, ...event }
  const t = Math.floor(Date.now() / 1000)
  return json(body, { 'stripe-signature': `t=${t},v1=${hmac(secret, `${t}.${JSON.stringify(body)}`)}` })
}
function toGithub(delivery: object, secret = githubWebhookSecret) {
  const body = { zen: randomUUID(), ...delivery }
  return json(body, { 'x-hub-signature-256': `sha256=${hmac(secret, JSON.stringify(body))}`, 'x-github-event': 'ping', 'x-github-delivery': randomUUID() })
}

/** The cases, with fresh credentials; `noteId` is a note the token's subject owns. */
export async function operationCases(noteId: number, spareNoteId: number): Promise<Record<string, OperationCases>> {
  const writer = await bearer('notes:read notes:write', 'grace')
  const stranger = await bearer('notes:read', 'eve')
  const cookie = async () => ({ cookie: `session=${(await testSessionCookie({ username: 'ada' }, { secret: sessionSecret })).session}` })
  const ada = await cookie()
  // Logging out revokes its session, so it gets one of its own.
  const leaving = await cookie()
  return {
    listNotes: {
      valid: { method: 'GET', path: '/api/notes?limit=2', status: 200 },
      invalid: { method: 'GET', path: '/api/notes?limit=abc', status: 400 },
    },
    createNote: {
      valid: { method: 'POST', path: '/api/notes', ...json({ text: 'contract', tags: ['c'] }, writer), status: 201 },
      invalid: { method: 'POST', path: '/api/notes', ...json({ text: '' }, writer), status: 422 },
      unauthenticated: { method: 'POST', path: '/api/notes', ...json({ text: 'x' }, badToken), status: 401 },
      more: [{ method: 'POST', path: '/api/notes', ...json({ text: 'x' }, stranger), status: 403 }],
    },
    getNote: {
      valid: { method: 'GET', path: `/api/notes/${noteId}`, status: 200 },
      invalid: { method: 'GET', path: '/api/notes/abc', status: 400 },
      more: [{ method: 'GET', path: '/api/notes/99999', status: 404 }],
    },
    editNote: {
      valid: { method: 'PATCH', path: `/api/notes/${noteId}`, ...json({ text: 'edited' }, writer), status: 200 },
      invalid: { method: 'PATCH', path: `/api/notes/${noteId}`, ...json({ tags: 'not a list' }, writer), status: 422 },
      unauthenticated: { method: 'PATCH', path: `/api/notes/${noteId}`, ...json({}, badToken), status: 401 },
      more: [
        { method: 'PATCH', path: `/api/notes/${noteId}`, ...json({ text: 'mine now' }, stranger), status: 403 },
        { method: 'PATCH', path: '/api/notes/99999', ...json({}, writer), status: 404 },
      ],
    },
    deleteNote: {
      valid: { method: 'DELETE', path: `/api/notes/${spareNoteId}`, headers: writer, status: 204 },
      invalid: { method: 'DELETE', path: '/api/notes/abc', headers: writer, status: 400 },
      unauthenticated: { method: 'DELETE', path: `/api/notes/${noteId}`, headers: badToken, status: 401 },
      more: [{ method: 'DELETE', path: '/api/notes/99999', headers: writer, status: 404 }],
    },
    importNotes: {
      valid: { method: 'POST', path: '/api/import', ...json([{ text: 'imported' }], writer), status: 200 },
      invalid: { method: 'POST', path: '/api/import', ...json([{ text: '' }], writer), status: 422 },
      unauthenticated: { method: 'POST', path: '/api/import', ...json([], badToken), status: 401 },
    },
    getLegacyNote: {
      valid: { method: 'GET', path: '/api/legacy/notes/1', status: 200 },
      invalid: { method: 'GET', path: '/api/legacy/notes/-1', status: 400 },
      more: [{ method: 'GET', path: '/api/legacy/notes/99999', status: 404 }],
    },
    replaceLegacyNote: {
      valid: { method: 'PUT', path: '/api/legacy/notes/1', ...json({ text: 'Try routekit', tags: ['welcome'] }, ada), status: 200 },
      invalid: { method: 'PUT', path: '/api/legacy/notes/1', ...json({ text: '' }, ada), status: 422 },
      unauthenticated: { method: 'PUT', path: '/api/legacy/notes/1', ...json({ text: 'x' }, badCookie), status: 401 },
      more: [{ method: 'PUT', path: '/api/legacy/notes/99999', ...json({ text: 'x' }, ada), status: 404 }],
    },
    login: {
      valid: { method: 'POST', path: '/api/session/login', ...json({ username: 'ada', password: 'lovelace' }, address), status: 200 },
      invalid: { method: 'POST', path: '/api/session/login', ...json({ username: 'ada' }, address), status: 422 },
      unauthenticated: { method: 'POST', path: '/api/session/login', ...json({ username: 'ada', password: 'guess' }, address), status: 401 },
    },
    logout: {
      valid: { method: 'POST', path: '/api/session/logout', headers: leaving, status: 204 },
      unauthenticated: { method: 'POST', path: '/api/session/logout', headers: badCookie, status: 401 },
    },
    me: {
      valid: { method: 'GET', path: '/api/session/me', headers: ada, status: 200 },
      unauthenticated: { method: 'GET', path: '/api/session/me', headers: badCookie, status: 401 },
    },
    getPreferences: {
      valid: { method: 'GET', path: '/api/preferences', headers: ada, status: 200 },
      unauthenticated: { method: 'GET', path: '/api/preferences', headers: badCookie, status: 401 },
    },
    updatePreferences: {
      valid: { method: 'PUT', path: '/api/preferences', ...json({ theme: 'dark' }, ada), status: 200 },
      invalid: { method: 'PUT', path: '/api/preferences', ...json({ theme: 'blue' }, ada), status: 422 },
      unauthenticated: { method: 'PUT', path: '/api/preferences', ...json({ theme: 'dark' }, badCookie), status: 401 },
    },
    edgeGreeting: {
      valid: { method: 'GET', path: '/api/edge?name=Ada', status: 200 },
      invalid: { method: 'GET', path: `/api/edge?name=${'a'.repeat(41)}`, status: 400 },
    },
    edgeSum: {
      valid: { method: 'POST', path: '/api/edge', ...json({ numbers: [1, 2] }), status: 200 },
      invalid: { method: 'POST', path: '/api/edge', ...json({ numbers: 'one' }), status: 422 },
    },
    stripeWebhook: {
      valid: { method: 'POST', path: '/api/webhooks/stripe', ...toStripe({ type: 'invoice.paid' }), status: 200 },
      invalid: { method: 'POST', path: '/api/webhooks/stripe', ...toStripe({ type: 7 }), status: 422 },
      unauthenticated: { method: 'POST', path: '/api/webhooks/stripe', ...toStripe({ type: 'invoice.paid' }, 'whsec_not_the_secret'), status: 401 },
    },
    githubWebhook: {
      valid: { method: 'POST', path: '/api/webhooks/github', ...toGithub({ repository: { full_name: 'octo/repo' } }), status: 200 },
      invalid: { method: 'POST', path: '/api/webhooks/github', ...toGithub({ repository: { full_name: 7 } }), status: 422 },
      unauthenticated: { method: 'POST', path: '/api/webhooks/github', ...toGithub({}, 'not-the-secret'), status: 401 },
    },
    // These fail on purpose: a valid request is answered 500.
    boom: { valid: { method: 'GET', path: '/api/boom', status: 500 } },
    legacyBoom: { valid: { method: 'GET', path: '/api/legacy/boom', status: 500 } },
  }
}
