import type { NewNote, Note, NoteChanges } from './schemas'

/** What the routes need from storage; swap the memory store for a database. */
export interface NotesStore {
  list(options: { limit: number; tag?: string }): Note[]
  get(id: number): Note | undefined
  create(owner: string, note: NewNote): Note
  update(id: number, changes: NoteChanges): Note | undefined
  remove(id: number): boolean
}

function memoryStore(): NotesStore {
  const notes = new Map<number, Note>()
  let nextId = 1
  const store: NotesStore = {
    list: ({ limit, tag }) => [...notes.values()].filter((note) => !tag || note.tags.includes(tag)).slice(0, limit),
    get: (id) => notes.get(id),
    create(owner, note) {
      const created: Note = { id: nextId++, owner, text: note.text, tags: note.tags, createdAt: new Date().toISOString() }
      notes.set(created.id, created)
      return created
    },
    update(id, changes) {
      const note = notes.get(id)
      if (!note) return undefined
      const updated = { ...note, ...changes }
      notes.set(id, updated)
      return updated
    },
    remove: (id) => notes.delete(id),
  }
  store.create('ada', { text: 'Try routekit', tags: ['welcome'] })
  return store
}

// Next loads App Router and Pages Router routes as separate module
// instances, so a module-scope store would exist twice. One per process:
const shared = globalThis as { routekitExampleNotes?: NotesStore }
export const notes: NotesStore = (shared.routekitExampleNotes ??= memoryStore())
