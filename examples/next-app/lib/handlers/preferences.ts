import { z } from 'zod'
import { signedIn } from '../api'
import { Preferences } from '../schemas'

const about = { tags: ['session'], responses: { 200: Preferences } }

// The App Router side of the cookie session: unsafe methods get the
// same-origin check, like every cookie-authenticated request.
export const preferencesHandler = signedIn
  .get({ ...about, summary: 'Read your preferences', operationId: 'getPreferences' }, ({ session }) => ({
    username: session.data.username,
    theme: session.data.theme ?? 'light',
  }))
  .put(
    { ...about, body: z.object({ theme: z.enum(['light', 'dark']) }), summary: 'Change your theme', operationId: 'updatePreferences' },
    ({ body, session }) => {
      session.update(body)
      return { username: session.data.username, theme: body.theme }
    },
  )
