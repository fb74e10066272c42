import { HttpError } from 'routekit'
import { toPagesRoute } from 'routekit/pages'
import { api, sessionRequired } from '@/lib/api'
import { findNote } from '@/lib/find-note'
import { notes } from '@/lib/notes-store'
import { NewNote, NoteParams } from '@/lib/schemas'

// The Pages Router flavour of a note: readable by anyone, editable by its
// owner through the cookie session (so unsafe methods get the CSRF check).
const handler = api
  .get({ params: NoteParams }, ({ params }) => findNote(params.id))
  .use(sessionRequired)
  .put({ params: NoteParams, body: NewNote }, ({ params, body, session }) => {
    if (findNote(params.id).owner !== session.data.username) throw HttpError.forbidden('Only the owner may edit a note.')
    return notes.update(params.id, body)
  })

export default toPagesRoute(handler)
export const config = { api: { bodyParser: false } }
