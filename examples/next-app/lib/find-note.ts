import { HttpError } from 'routekit'
import { notes } from './notes-store'
import type { Note } from './schemas'

/** The note with this id, or a 404 problem for the client. */
export function findNote(id: number): Note {
  const note = notes.get(id)
  if (!note) throw HttpError.notFound(`There is no note ${id}.`)
  return note
}
