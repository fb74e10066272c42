import { HttpError } from 'routekit'
import type { Session } from 'routekit/session'
import { z } from 'zod'
import { signedIn, withSession } from '../api'
import { loginLimit } from '../rate-limit'
import { Credentials, SessionUser, SignedInUser } from '../schemas'

// The demo's only account. A real app checks a password hash in its database.
const demoUser = { username: 'ada', password: 'lovelace' }

/** Signs the demo user in; shared by the login route and the notes page's sign-in action. */
export function logIn(body: z.infer<typeof Credentials>, session: Session<z.infer<typeof SessionUser>>): z.infer<typeof SignedInUser> {
  if (body.username !== demoUser.username || body.password !== demoUser.password) {
    throw HttpError.unauthorized('Wrong username or password.', { headers: { 'www-authenticate': 'Cookie realm="api"' } })
  }
  session.regenerate({ username: body.username }) // a fresh session at login: no fixation
  return { username: body.username }
}

export const loginHandler = withSession.use(loginLimit).post(
  { body: Credentials, responses: { 200: SignedInUser }, errors: [401], summary: 'Log in', tags: ['session'], operationId: 'login' },
  ({ body, session }) => logIn(body, session),
)

export const logoutHandler = signedIn.post(
  { responses: { 204: z.undefined() }, summary: 'Log out', tags: ['session'], operationId: 'logout' },
  ({ session }) => {
    session.destroy()
  },
)

export const meHandler = signedIn.get(
  { responses: { 200: SignedInUser }, summary: 'Who is logged in', tags: ['session'], operationId: 'me' },
  ({ session }) => ({ username: session.data.username }),
)
