// Every call the demo page (app/page.tsx) makes, and nothing else: the UI
// components import these functions and never call fetch themselves. They
// run in the browser, on the page's own origin, so the session cookie goes
// with the requests that need it. Each returns an `Answer`: what the page
// shows, whatever makes the request.
import type { ActionResult } from 'routekit/actions'
import type { Note } from '@/lib/schemas'
import { createNote as createNoteAction } from '../notes/actions'

/** One HTTP answer, as the page shows it. */
export interface Answer {
  /** What was asked, as `METHOD /path`. */
  request: string
  status: number
  statusText: string
  /** The headers worth showing (see `shownHeaders`), in that order, those present only. */
  headers: [name: string, value: string][]
  /** The body: parsed JSON (problem+json included), else the text, else null. */
  body: unknown
}

/** The response headers the page shows (a browser's fetch never exposes Set-Cookie). */
export const shownHeaders = ['content-type', 'allow', 'www-authenticate', 'location', 'ratelimit-policy', 'ratelimit', 'retry-after'] as const

/** The development user (lib/handlers/session.ts): public, like the app's development secrets. */
export const developmentUser = { username: 'ada', password: 'lovelace' } as const

async function send(method: string, path: string, init: { json?: unknown; credentials?: RequestCredentials } = {}): Promise<Answer> {
  const response = await fetch(path, {
    method,
    credentials: init.credentials ?? 'same-origin',
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  })
  const text = await response.text()
  let body: unknown = text === '' ? null : text
  if (/\bjson\b/.test(response.headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text)
    } catch {
      // Shown as text.
    }
  }
  const headers = shownHeaders.flatMap((name): [string, string][] => {
    const value = response.headers.get(name)
    return value === null ? [] : [[name, value]]
  })
  return { request: `${method} ${path}`, status: response.status, statusText: response.statusText, headers, body }
}

// The cookie session (Pages Router: pages/api/session/*).

/** POST /api/session/login as the development user: 200 and the session cookie. */
export function signIn(): Promise<Answer> {
  return send('POST', '/api/session/login', { json: developmentUser })
}

/** POST /api/session/logout: 204, the cookie cleared (401 without a session). */
export function signOut(): Promise<Answer> {
  return send('POST', '/api/session/logout')
}

/** GET /api/session/me: 200 `{ username }` with a session, else 401. */
export function whoAmI(): Promise<Answer> {
  return send('GET', '/api/session/me')
}

// Notes.

/** GET /api/notes (public): the first `limit` notes, oldest first, those with `tag` only if given. */
export function listNotes(options: { tag?: string; limit?: number } = {}): Promise<Answer & { notes: Note[] }> {
  const query = new URLSearchParams({ limit: String(options.limit ?? 20) })
  if (options.tag) query.set('tag', options.tag)
  return send('GET', `/api/notes?${query}`).then((answer) => ({ ...answer, notes: answer.status === 200 ? (answer.body as Note[]) : [] }))
}

/**
 * Creates a note as the signed-in user. The notes API's POST takes a bearer
 * token, not the session, so this is the notes page's Server Action
 * (app/notes/actions.ts), on the same session, rate limit and problems:
 * not a route, so it answers with an ActionResult rather than a response.
 * `tags` is comma-separated, as the form sends it.
 */
export function createNote(input: { text: string; tags: string }): Promise<ActionResult<Note>> {
  return createNoteAction(input)
}

// Refusals on purpose: each answers with a problem+json body.

/** DELETE /api/notes, a method the route lacks: 405 with `Allow`. */
export function wrongMethod(): Promise<Answer> {
  return send('DELETE', '/api/notes')
}

/** POST /api/notes without a bearer token (the session does not count there): 401 with `WWW-Authenticate: Bearer`. */
export function withoutCredentials(): Promise<Answer> {
  return send('POST', '/api/notes', { json: { text: 'from the demo page' }, credentials: 'omit' })
}

/** PUT /api/preferences with a theme the schema lacks: 422, the error under `errors[]` by path (401 when signed out). */
export function invalidBody(): Promise<Answer> {
  return send('PUT', '/api/preferences', { json: { theme: 'sepia' } })
}

/**
 * POST /api/session/login with a wrong password until the login rate limit
 * (10 a minute per client address) answers 429 with `Retry-After`, at most
 * `maxAttempts` times. Without cookies, so the session is left as it was;
 * signing in again from this address waits for the window to pass.
 */
export async function pastTheLimit(maxAttempts = 12): Promise<Answer & { attempts: number }> {
  let answer: Answer | undefined
  let attempts = 0
  while (attempts < maxAttempts) {
    attempts++
    answer = await send('POST', '/api/session/login', { json: { username: developmentUser.username, password: 'a wrong guess' }, credentials: 'omit' })
    if (answer.status === 429) break
  }
  return { ...answer!, attempts }
}
