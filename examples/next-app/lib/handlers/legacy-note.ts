import { HttpError } from 'routekit'
import { api, sessionRequired } from '../api'
import { notesCors } from '../cors'
import { findNote } from '../find-note'
import { notes } from '../notes-store'
import { NewNote, Note, NoteParams } from '../schemas'

// A note on the Pages Router: readable by anyone, editable by its owner
// through the cookie session (so unsafe methods get the CSRF check).
export const legacyNoteHandler = api
  .use(notesCors)
  .get(
    { params: NoteParams, responses: { 200: Note }, errors: [404], summary: 'Read a note (Pages Router)', tags: ['legacy'], operationId: 'getLegacyNote' },
    ({ params }) => findNote(params.id),
  )
  .use(sessionRequired)
  .put(
    { params: NoteParams, body: NewNote, responses: { 200: Note }, errors: [403, 404], summary: 'Replace your note', tags: ['legacy'], operationId: 'replaceLegacyNote' },
    ({ params, body, session }) => {
      if (findNote(params.id).owner !== session.data.username) throw HttpError.forbidden('Only the owner may edit a note.')
      return notes.update(params.id, body) ?? findNote(params.id)
    },
  )
