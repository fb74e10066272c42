import { created } from 'routekit'
import { z } from 'zod'
import { api, bearer, canWrite } from '../api'
import { notes } from '../notes-store'
import { ListQuery, NewNote, Note } from '../schemas'

// GET is public; the middleware added after it guards POST only.
export const notesHandler = api
  .get({ query: ListQuery, responses: { 200: z.array(Note) } }, ({ query }) => notes.list(query))
  .use(bearer)
  .use(canWrite)
  .post({ body: NewNote }, ({ body, auth }) => {
    const note = notes.create(auth.sub, body)
    return created(note, `/api/notes/${note.id}`)
  })
