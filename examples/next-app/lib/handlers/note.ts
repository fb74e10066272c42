import { HttpError } from 'routekit'
import { z } from 'zod'
import { api, bearer, canWrite } from '../api'
import { notesCors } from '../cors'
import { findNote } from '../find-note'
import { notes } from '../notes-store'
import { Note, NoteChanges, NoteParams } from '../schemas'

// One note: public to read, editable by its owner, deletable with notes:write.
export const noteHandler = api
  .use(notesCors)
  .get({ params: NoteParams, responses: { 200: Note }, errors: [404], summary: 'Read a note', tags: ['notes'], operationId: 'getNote' }, ({ params }) =>
    findNote(params.id),
  )
  .use(bearer)
  .patch(
    // NoteChanges, not NewNote.partial(): a key left out stays as it was.
    { params: NoteParams, body: NoteChanges, responses: { 200: Note }, errors: [403, 404], summary: 'Edit your note', tags: ['notes'], operationId: 'editNote' },
    ({ params, body, auth }) => {
      if (findNote(params.id).owner !== auth.sub) throw HttpError.forbidden('Only the owner may edit a note.')
      return notes.update(params.id, body) ?? findNote(params.id)
    },
  )
  .use(canWrite)
  .delete(
    { params: NoteParams, responses: { 204: z.undefined() }, errors: [404], summary: 'Delete a note', tags: ['notes'], operationId: 'deleteNote' },
    ({ params }) => {
      findNote(params.id)
      notes.remove(params.id)
    },
  )
