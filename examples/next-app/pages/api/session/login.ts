import { HttpError } from 'routekit'
import { toPagesRoute } from 'routekit/pages'
import { withSession } from '@/lib/api'
import { Credentials } from '@/lib/schemas'

// The demo's only account. A real app checks a password hash in its database.
const demoUser = { username: 'ada', password: 'lovelace' }

const handler = withSession.post({ body: Credentials }, ({ body, session }) => {
  if (body.username !== demoUser.username || body.password !== demoUser.password) {
    throw HttpError.unauthorized('Wrong username or password.', { headers: { 'www-authenticate': 'Cookie realm="api"' } })
  }
  session.regenerate({ username: body.username }) // a fresh session at login: no fixation
  return { username: body.username }
})

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
