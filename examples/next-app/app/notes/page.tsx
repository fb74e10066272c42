import type { Metadata } from 'next'
import { notes } from '@/lib/notes-store'
import { NoteForm } from './note-form'
import { SignInForm, SignOutForm } from './session-forms'

// The list is read on every request, never at build time.
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: 'Notes' }

export default function NotesPage() {
  return (
    <main>
      <h1>Notes</h1>
      <p>
        <a href="/">Back to the demo page</a>
      </p>
      <SignInForm />
      <SignOutForm />
      <NoteForm />
      <ul aria-label="Notes">
        {notes.list({ limit: 100 }).map((note) => (
          <li key={note.id}>
            {note.text} <small>({note.owner}{note.tags.length > 0 ? `; ${note.tags.join(', ')}` : ''})</small>
          </li>
        ))}
      </ul>
    </main>
  )
}
