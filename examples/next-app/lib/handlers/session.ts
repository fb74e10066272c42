import { HttpError } from 'routekit'
import { z } from 'zod'
import { signedIn, withSession } from '../api'
import { loginLimit } from '../rate-limit'
import { Credentials, SignedInUser } from '../schemas'

// The demo's only account. A real app checks a password hash in its database.
const demoUser = { username: 'ada', password: 'lovelace' }

export const loginHandler = withSession.use(loginLimit).post(
  { body: Credentials, responses: { 200: SignedInUser }, errors: [401], summary: 'Log in', tags: ['session'], operationId: 'login' },
  ({ body, session }) => {
    if (body.username !== demoUser.username || body.password !== demoUser.password) {
      throw HttpError.unauthorized('Wrong username or password.', { headers: { 'www-authenticate': 'Cookie realm="api"' } })
    }
    session.regenerate({ username: body.username }) // a fresh session at login: no fixation
    return { username: body.username }
  },
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
