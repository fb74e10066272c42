import { created } from 'routekit'
import { z } from 'zod'
import { api, bearer, canWrite } from '../api'
import { notesCors } from '../cors'
import { notes } from '../notes-store'
import { ListQuery, NewNote, Note } from '../schemas'

// GET is public; the middleware added after it guards POST only.
export const notesHandler = api
  .use(notesCors)
  .get(
    { query: ListQuery, responses: { 200: z.array(Note) }, summary: 'List notes', tags: ['notes'], operationId: 'listNotes' },
    ({ query }) => notes.list(query),
  )
  .use(bearer)
  .use(canWrite)
  .post({ body: NewNote, responses: { 201: Note }, summary: 'Create a note', tags: ['notes'], operationId: 'createNote' }, ({ body, auth }) => {
    const note = notes.create(auth.sub, body)
    return created(note, `/api/notes/${note.id}`)
  })
