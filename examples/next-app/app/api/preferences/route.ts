import { toAppRoute } from 'routekit/app'
import { z } from 'zod'
import { signedIn } from '@/lib/api'

// The App Router side of the cookie session: unsafe methods get the
// same-origin check, like every cookie-authenticated request.
const handler = signedIn
  .get(({ session }) => ({ username: session.data.username, theme: session.data.theme ?? 'light' }))
  .put({ body: z.object({ theme: z.enum(['light', 'dark']) }) }, ({ body, session }) => {
    session.update(body)
    return { username: session.data.username, theme: body.theme }
  })

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
