import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { signedIn, withSession } from './api'
import { logIn } from './handlers/session'
import { notes } from './notes-store'
import { loginLimit, noteFormLimit } from './rate-limit'
import { Credentials, NoteForm } from './schemas'

// The notes page's actions, on the API routes' own bases: the same session
// (and its cross-site check), the same rate limits, the same problems.
// Built here, not in the 'use server' file (app/notes/actions.ts), which
// only binds them: Next 14 would make a function written inline
// there an action of its own, callable past the chain.
export const createNoteAction = signedIn.use(noteFormLimit).action({ body: NoteForm }, ({ body, session }) => {
  const note = notes.create(session.data.username, body)
  revalidatePath('/notes')
  return note
})

export const signInAction = withSession.use(loginLimit).action({ body: Credentials }, ({ body, session }) => logIn(body, session))

// redirect() passes through the chain; the session cookie's deletion goes with it.
export const signOutAction = signedIn.action(({ session }) => {
  session.destroy()
  redirect('/notes')
})
