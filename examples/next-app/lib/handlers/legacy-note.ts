import { HttpError } from 'routekit'
import { api, sessionRequired } from '../api'
import { findNote } from '../find-note'
import { notes } from '../notes-store'
import { NewNote, NoteParams } from '../schemas'

// A note on the Pages Router: readable by anyone, editable by its owner
// through the cookie session (so unsafe methods get the CSRF check).
export const legacyNoteHandler = api
  .get({ params: NoteParams }, ({ params }) => findNote(params.id))
  .use(sessionRequired)
  .put({ params: NoteParams, body: NewNote }, ({ params, body, session }) => {
    if (findNote(params.id).owner !== session.data.username) throw HttpError.forbidden('Only the owner may edit a note.')
    return notes.update(params.id, body)
  })
