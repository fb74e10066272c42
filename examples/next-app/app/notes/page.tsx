import { notes } from '@/lib/notes-store'
import { NoteForm } from './note-form'
import { SignInForm, SignOutForm } from './session-forms'

// The list is read on every request, never at build time.
export const dynamic = 'force-dynamic'

export default function NotesPage() {
  return (
    <main>
      <h1>Notes</h1>
      <style>{'.problem, .field-error { color: #a40000 } .field-error { margin-left: 0.5em }'}</style>
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
