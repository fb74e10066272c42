'use server'
import { toServerAction } from 'routekit/actions'
import { createNoteAction, signInAction, signOutAction } from '@/lib/note-actions'

// Only bindings here (see lib/note-actions.ts for why).
export const createNote = toServerAction(createNoteAction)
export const signIn = toServerAction(signInAction)
export const signOut = toServerAction(signOutAction)
