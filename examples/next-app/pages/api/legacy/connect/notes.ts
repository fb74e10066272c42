import type { NextApiRequest, NextApiResponse } from 'next'
import { createRouter } from 'next-connect'
import { type AddedBy, mountNode, useNode, validateNode } from 'routekit/next-connect'
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

export default router.handler({
  onError: (error, req, res) => {
    console.error(`[legacy] ${req.method} ${req.url}`, error)
    res.status(500).end('Internal Server Error')
  },
})
// routekit reads the body itself, with its limits and problem+json answers.
export const config = { api: { bodyParser: false } }
