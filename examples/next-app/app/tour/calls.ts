import { signJwt } from 'routekit/jwt'
import { serverClient } from '@/lib/client'
import { audience, issuer, jwtSecret } from '@/lib/secrets'

/** One step of the tour: what was asked, what came back. */
export interface Step {
  request: string
  status: number | null
  /** The data of a success, or the problem of a refusal. */
  body: unknown
}

/**
 * Calls the routes the demo page does not, from the server, through the
 * same typed client: a server component needs the app's origin, and signs
 * its own bearer token with the development secret (a real app would pass
 * the user's). The tour writes a note, reads it on both routers, edits,
 * imports, deletes it, and asks for what fails on purpose.
 */
export async function tour(origin: string): Promise<Step[]> {
  const token = await signJwt({ sub: 'tour', scope: 'notes:write' }, { secret: jwtSecret, algorithm: 'HS256', issuer, audience })
  const api = serverClient(origin, { headers: { authorization: `Bearer ${token}` }, init: { cache: 'no-store' } })
  const steps: Step[] = []
  const record = (request: string, result: { ok: boolean; status: number | null; data?: unknown; problem?: unknown }) =>
    steps.push({ request, status: result.status, body: result.ok ? (result.data ?? null) : result.problem })

  const made = await api('/api/notes').post({ body: { text: 'written by the tour', tags: ['tour'] } })
  record('POST /api/notes', made)
  if (!made.ok) return steps
  const id = made.data.id
  record(`GET /api/notes/${id}`, await api('/api/notes/[id]').get({ params: { id } }))
  record(`PATCH /api/notes/${id}`, await api('/api/notes/[id]').patch({ params: { id }, body: { text: 'edited by the tour' } }))
  record(`GET /api/legacy/notes/${id} (Pages Router)`, await api('/api/legacy/notes/[id]').get({ params: { id } }))
  record('POST /api/import', await api('/api/import').post({ body: [{ text: 'imported by the tour' }] }))
  record(`DELETE /api/notes/${id}`, await api('/api/notes/[id]').delete({ params: { id } }))
  // Next memoizes a render's GETs by URL and headers: this one would get the
  // first read's answer. A call with its own signal is never memoized.
  record(`GET /api/notes/${id} (deleted)`, await api('/api/notes/[id]').get({ params: { id }, signal: AbortSignal.timeout(10_000) }))
  record('GET /api/notes?limit=500', await api('/api/notes').get({ query: { limit: 500 } }))
  record('GET /api/edge?name=tour (Edge runtime)', await api('/api/edge').get({ query: { name: 'tour' } }))
  record('POST /api/edge (Edge runtime)', await api('/api/edge').post({ body: { numbers: [1, 2, 3] } }))
  record('GET /api/boom', await api('/api/boom').get())
  record('GET /api/legacy/boom (Pages Router)', await api('/api/legacy/boom').get())
  return steps
}
