import { created } from 'routekit'
import { toAppRoute } from 'routekit/app'
import { z } from 'zod'
import { api, bearer, canWrite } from '@/lib/api'
import { notes } from '@/lib/notes-store'
import { ListQuery, NewNote, Note } from '@/lib/schemas'

// GET is public; the middleware added after it guards POST only.
const handler = api
  .get({ query: ListQuery, responses: { 200: z.array(Note) } }, ({ query }) => notes.list(query))
  .use(bearer)
  .use(canWrite)
  .post({ body: NewNote }, ({ body, auth }) => {
    const note = notes.create(auth.sub, body)
    return created(note, `/api/notes/${note.id}`)
  })

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
