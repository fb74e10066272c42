// Every call the demo page (app/page.tsx) makes, and nothing else: the UI
// components import these functions and never call fetch themselves. They
// go through the typed client (lib/client.ts), in the browser, on the
// page's own origin, so the session cookie goes with the requests that need
// it. Each returns an `Answer`: what the page shows, whatever makes the request.
import type { ActionResult } from 'routekit/actions'
import { api } from '@/lib/client'
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

/** The headers the page shows from a response, those present only. */
function shown(response: Response): [string, string][] {
  return shownHeaders.flatMap((name): [string, string][] => {
    const value = response.headers.get(name)
    return value === null ? [] : [[name, value]]
  })
}

/** What the page shows of a client result: the data of a success, the problem of a failure. */
function answerOf(request: string, result: { ok: boolean; status: number | null; response: Response | null; data?: unknown; problem?: unknown; error?: unknown }): Answer {
  if (result.status === null || result.response === null) {
    return { request, status: 0, statusText: 'network error', headers: [], body: String(result.error) }
  }
  const { response } = result
  return { request, status: result.status, statusText: response.statusText, headers: shown(response), body: (result.ok ? result.data : result.problem) ?? null }
}

// The cookie session (Pages Router: pages/api/session/*).

/** POST /api/session/login as the development user: 200 and the session cookie. */
export async function signIn(): Promise<Answer & { username: string | null }> {
  const result = await api('/api/session/login').post({ body: developmentUser })
  return { ...answerOf('POST /api/session/login', result), username: result.ok ? result.data.username : null }
}

/** POST /api/session/logout: 204, the cookie cleared (401 without a session). */
export async function signOut(): Promise<Answer> {
  return answerOf('POST /api/session/logout', await api('/api/session/logout').post())
}

/** GET /api/session/me: 200 `{ username }` with a session, else 401. */
export async function whoAmI(): Promise<Answer & { username: string | null }> {
  const result = await api('/api/session/me').get()
  return { ...answerOf('GET /api/session/me', result), username: result.ok ? result.data.username : null }
}

/** GET /api/preferences (App Router, the same session): the signed-in user's theme. */
export async function readPreferences(): Promise<Answer & { theme: 'light' | 'dark' | null }> {
  const result = await api('/api/preferences').get()
  return { ...answerOf('GET /api/preferences', result), theme: result.ok ? result.data.theme : null }
}

/** PUT /api/preferences: saves the theme in the session cookie, same-origin only. */
export async function saveTheme(theme: 'light' | 'dark'): Promise<Answer & { theme: 'light' | 'dark' | null }> {
  const result = await api('/api/preferences').put({ body: { theme } })
  return { ...answerOf('PUT /api/preferences', result), theme: result.ok ? result.data.theme : null }
}

// Notes.

/** GET /api/notes (public): the first `limit` notes, oldest first, those with `tag` only if given. */
export async function listNotes(options: { tag?: string; limit?: number } = {}): Promise<Answer & { notes: Note[] }> {
  const result = await api('/api/notes').get({ query: { limit: options.limit ?? 20, tag: options.tag || undefined } })
  const query = new URL(result.response?.url || 'http://x/').search
  return { ...answerOf(`GET /api/notes${query}`, result), notes: result.ok ? result.data : [] }
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

/**
 * DELETE /api/notes, a method the route lacks: 405 with `Allow`. The typed
 * client has no `.delete()` for this path (it does not compile), so this
 * one call is a plain fetch.
 */
export async function wrongMethod(): Promise<Answer> {
  const response = await fetch('/api/notes', { method: 'DELETE' })
  return { request: 'DELETE /api/notes', status: response.status, statusText: response.statusText, headers: shown(response), body: await response.json() }
}

/** POST /api/notes without a bearer token (the session does not count there): 401 with `WWW-Authenticate: Bearer`. */
export async function withoutCredentials(): Promise<Answer> {
  const result = await api('/api/notes').post({ body: { text: 'from the demo page' }, init: { credentials: 'omit' } })
  return answerOf('POST /api/notes', result)
}

/**
 * PUT /api/legacy/notes/1 (Pages Router, the session's route) with an empty
 * text: 422, the error under `errors[]` by path. The body is checked before
 * the note is looked up; signed out, the session check answers 401 first.
 */
export async function invalidBody(): Promise<Answer> {
  const result = await api('/api/legacy/notes/[id]').put({ params: { id: 1 }, body: { text: '' } })
  return answerOf('PUT /api/legacy/notes/1', result)
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
    const result = await api('/api/session/login').post({ body: { username: developmentUser.username, password: 'a wrong guess' }, init: { credentials: 'omit' } })
    answer = answerOf('POST /api/session/login', result)
    if (answer.status === 429) break
  }
  return { ...answer!, attempts }
}
