import type { NextApiRequest, NextApiResponse } from 'next'
import { createRouter } from 'next-connect'
import { type AddedBy, mountNode, nodeRouterAnswers, useNode, validateNode } from 'routekit/next-connect'
import { bearer, canWrite } from '@/lib/api'
import { notesHandler } from '@/lib/handlers/notes'
import { notes } from '@/lib/notes-store'
import { NewNote } from '@/lib/schemas'

// A next-connect route halfway through its migration to routekit.
const auth = useNode(bearer)
const newNote = validateNode({ body: NewNote })
type Req = NextApiRequest & AddedBy<typeof auth> & AddedBy<typeof newNote>
const router = createRouter<Req, NextApiResponse>()

// Migrated: GET is the routekit handler the App Router serves at /api/notes.
router.get(mountNode(notesHandler))

// Still next-connect, with routekit's authentication and validation before it.
router.post(auth, useNode(canWrite), newNote, (req, res) => {
  const note = notes.create(req.auth.sub, req.validated.body)
  res.status(201).setHeader('location', `/api/notes/${note.id}`).json(note)
})

// Methods without a route and errors answered as routekit answers them:
// 405 with Allow, and problem+json (a bare 500 in production).
export default router.handler(
  nodeRouterAnswers({ methods: ['GET', 'POST'], onError: (error, req) => console.error(`[legacy] ${req.method} ${req.url}`, error) }),
)
// routekit reads the body itself, with its limits and problem+json answers.
export const config = { api: { bodyParser: false } }
