import { createHandler } from 'routekit'
import { jwt, requireScope } from 'routekit/jwt'
import { memorySessionStore, session } from 'routekit/session'
import { z } from 'zod'
import { SessionUser } from './schemas'
import { audience, issuer, jwtSecret, sessionSecret } from './secrets'

// The shared base every route extends: built once, at module scope.
export const api = createHandler({
  onError: (error, req) => console.error(`[api] ${req.method} ${new URL(req.url).pathname}`, error),
})

// Bearer tokens (an identity provider would issue these; the demo signs its own).
export const bearer = jwt({
  secret: jwtSecret,
  algorithms: ['HS256'],
  issuer,
  audience,
  claims: z.object({ sub: z.string(), scope: z.string().default('') }),
})
export const canWrite = requireScope('notes:write')

// Cookie sessions for the browser side of the app, with one revocation list
// per process (kept on globalThis for the same reason as the notes store).
const shared = globalThis as { routekitExampleSessions?: ReturnType<typeof memorySessionStore> }
const store = (shared.routekitExampleSessions ??= memorySessionStore())
export const sessionRequired = session({ secret: sessionSecret, schema: SessionUser, store, required: true })
export const withSession = api.use(session({ secret: sessionSecret, schema: SessionUser, store }))
export const signedIn = api.use(sessionRequired)
