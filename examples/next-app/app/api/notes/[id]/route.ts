import { HttpError } from 'routekit'
import { toAppRoute } from 'routekit/app'
import { api, bearer, canWrite } from '@/lib/api'
import { findNote } from '@/lib/find-note'
import { notes } from '@/lib/notes-store'
import { NewNote, NoteParams } from '@/lib/schemas'

const handler = api
  .get({ params: NoteParams }, ({ params }) => findNote(params.id))
  .use(bearer)
  .patch({ params: NoteParams, body: NewNote.partial() }, ({ params, body, auth }) => {
    if (findNote(params.id).owner !== auth.sub) throw HttpError.forbidden('Only the owner may edit a note.')
    return notes.update(params.id, body)
  })
  .use(canWrite)
  .delete({ params: NoteParams }, ({ params }) => {
    findNote(params.id)
    notes.remove(params.id)
  })

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
