'use client'
import { useState } from 'react'
import type { ActionResult } from 'routekit/actions'
import type { ValidationIssue } from 'routekit'
import type { Note } from '@/lib/schemas'
import { createNote, listNotes } from './calls'

/** The notes list (the public GET /api/notes, by tag) and a form that adds a note as the signed-in user. */
export function NotesPanel({ initialNotes }: { initialNotes: Note[] }) {
  const [list, setList] = useState<{ notes: Note[]; request: string; status: number }>({
    notes: initialNotes,
    request: 'GET /api/notes?limit=20',
    status: 200,
  })
  const [tag, setTag] = useState('')
  const [created, setCreated] = useState<ActionResult<Note> | null>(null)
  const [pending, setPending] = useState(false)

  const refresh = async (filter: string) => {
    const answer = await listNotes({ tag: filter.trim() || undefined, limit: 20 })
    setList({ notes: answer.notes, request: answer.request, status: answer.status })
  }

  const add = async (form: HTMLFormElement) => {
    const fields = new FormData(form)
    setPending(true)
    try {
      const result = await createNote({ text: String(fields.get('text') ?? ''), tags: String(fields.get('tags') ?? '') })
      setCreated(result)
      if (result.ok) {
        form.reset()
        await refresh(tag)
      }
    } finally {
      setPending(false)
    }
  }

  const errors = created && !created.ok ? ((created.problem.errors ?? []) as ValidationIssue[]) : []
  const errorOf = (field: string) => errors.filter((issue) => issue.path[0] === field).map((issue) => issue.message).join(' ')
  const input = (name: string, label: string, hint?: string) => (
    <p className="field">
      <label htmlFor={`note-${name}`}>{label}</label>
      <input
        id={`note-${name}`}
        name={name}
        aria-invalid={errorOf(name) ? true : undefined}
        aria-describedby={errorOf(name) ? `note-${name}-error` : hint ? `note-${name}-hint` : undefined}
      />
      {hint && !errorOf(name) && (
        <span id={`note-${name}-hint`} className="hint">
          {hint}
        </span>
      )}
      {errorOf(name) && (
        <span id={`note-${name}-error`} className="field-error" data-field={name}>
          {errorOf(name)}
        </span>
      )}
    </p>
  )

  return (
    <div className="panel">
      <form
        aria-label="New note"
        onSubmit={(event) => {
          event.preventDefault()
          void add(event.currentTarget)
        }}
      >
        {input('text', 'Text')}
        {input('tags', 'Tags', 'Comma-separated, up to 5 of 20 characters each.')}
        <p>
          <button disabled={pending}>Add note</button>
        </p>
        <div aria-live="polite">
          {created?.ok && (
            <p role="status" className="ok">
              Note {created.data.id} created.
            </p>
          )}
          {created && !created.ok && (
            <p role="alert" className="problem" data-status={created.problem.status}>
              {created.problem.status} {created.problem.title}
              {created.problem.detail ? `: ${created.problem.detail}` : ''}
            </p>
          )}
        </div>
      </form>

      <form
        aria-label="Find notes"
        className="inline"
        onSubmit={(event) => {
          event.preventDefault()
          void refresh(tag)
        }}
      >
        <label htmlFor="filter-tag">Tag</label>{' '}
        <input id="filter-tag" name="tag" maxLength={20} value={tag} onChange={(event) => setTag(event.target.value)} />{' '}
        <button>Show notes</button>
      </form>
      <p className="list-source" aria-live="polite">
        <code>{list.request}</code>: {list.status === 200 ? `${list.notes.length} note${list.notes.length === 1 ? '' : 's'}` : `answered ${list.status}`}
      </p>
      <ul aria-label="Notes" className="notes">
        {list.notes.map((note) => (
          <li key={note.id} data-note={note.id}>
            {note.text}{' '}
            <span className="muted">
              (#{note.id}, {note.owner}
              {note.tags.length > 0 ? `; ${note.tags.join(', ')}` : ''})
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
