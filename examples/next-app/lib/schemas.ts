import { z } from 'zod'

export const Note = z.object({
  id: z.int(),
  owner: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
}).meta({ id: 'Note' })
export type Note = z.infer<typeof Note>

const noteText = z.string().min(1).max(500)
const noteTags = z.array(z.string().max(20)).max(5)

export const NewNote = z.object({ text: noteText, tags: noteTags.default([]) }).meta({ id: 'NewNote' })
export type NewNote = z.infer<typeof NewNote>

// What a PATCH may change: only the keys it sends. Not `NewNote.partial()`:
// zod 4 keeps `.default([])` inside the optional, so a PATCH of the text
// alone would reset the tags to [].
export const NoteChanges = z.object({ text: noteText, tags: noteTags }).partial().meta({ id: 'NoteChanges' })
export type NoteChanges = z.infer<typeof NoteChanges>

// What the notes page's form sends (app/notes): the same text, and the tags
// as one comma-separated field, since a form's fields are strings.
const tagList = z.string().transform((tags) => tags.split(',').map((tag) => tag.trim()).filter(Boolean))
export const NoteForm = z.object({ text: noteText, tags: tagList.pipe(noteTags).default([]) })

export const NoteParams = z.object({ id: z.coerce.number().int().positive() })

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  tag: z.string().max(20).optional(),
})

export const Credentials = z.object({ username: z.string(), password: z.string() }).meta({ id: 'Credentials' })

export const Preferences = z.object({ username: z.string(), theme: z.enum(['light', 'dark']) })

export const SignedInUser = z.object({ username: z.string() })

export const SessionUser = z.object({ username: z.string(), theme: z.enum(['light', 'dark']).optional() })
