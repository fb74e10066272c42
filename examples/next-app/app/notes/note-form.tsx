'use client'
import { useActionState } from 'react'
import type { ValidationIssue } from 'routekit'
import { createNote } from './actions'
import { ProblemText } from './problem-text'

// useActionState's formAction works before hydration too: without
// JavaScript the form posts to the action and the page comes back with its
// result. The permalink ('/notes') is where that page is.
export function NoteForm() {
  const [state, formAction, pending] = useActionState(createNote, null, '/notes')
  const errors = state && !state.ok ? ((state.problem.errors ?? []) as ValidationIssue[]) : []
  const errorOf = (field: string) => errors.filter((issue) => issue.path[0] === field).map((issue) => issue.message).join(' ')
  const field = (name: string, label: string, input: React.ReactElement) => (
    <p>
      <label htmlFor={name}>{label}</label> {input}
      {errorOf(name) && (
        <span id={`${name}-error`} className="field-error" data-field={name}>
          {errorOf(name)}
        </span>
      )}
    </p>
  )
  return (
    <form action={formAction} aria-label="New note">
      {field('text', 'Text', <input id="text" name="text" aria-invalid={!!errorOf('text')} aria-describedby="text-error" />)}
      {field('tags', 'Tags (comma-separated)', <input id="tags" name="tags" aria-invalid={!!errorOf('tags')} aria-describedby="tags-error" />)}
      <button disabled={pending}>Add note</button>
      {state?.ok && <p role="status">Note {state.data.id} created.</p>}
      <ProblemText state={state} />
    </form>
  )
}
