import { z } from 'zod'
import { api, bearer, canWrite } from '../api'
import { notes } from '../notes-store'
import { NewNote } from '../schemas'

// Bulk import with its own body limit: 64 KiB is plenty for 100 notes, and
// anything bigger is refused with 413, from Content-Length or mid-stream.
export const importHandler = api
  .use(bearer)
  .use(canWrite)
  .post(
    {
      body: z.array(NewNote).max(100),
      bodyLimit: 64 * 1024,
      responses: { 200: z.object({ imported: z.array(z.int()) }) },
      summary: 'Import up to 100 notes',
      tags: ['notes'],
      operationId: 'importNotes',
    },
    ({ body, auth }) => ({ imported: body.map((note) => notes.create(auth.sub, note).id) }),
  )
