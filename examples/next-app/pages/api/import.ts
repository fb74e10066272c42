import { toPagesRoute } from 'routekit/pages'
import { z } from 'zod'
import { api, bearer, canWrite } from '@/lib/api'
import { notes } from '@/lib/notes-store'
import { NewNote } from '@/lib/schemas'

// Bulk import with its own body limit: 64 KiB is plenty for 100 notes, and
// anything bigger is refused with 413, from Content-Length or mid-stream.
const handler = api
  .use(bearer)
  .use(canWrite)
  .post({ body: z.array(NewNote).max(100), bodyLimit: 64 * 1024 }, ({ body, auth }) => ({
    imported: body.map((note) => notes.create(auth.sub, note).id),
  }))

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
