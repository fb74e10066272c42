// Every routekit route of the app, by the path Next.js serves it at (App
// Router and Pages Router alike), written as the files name them. Server
// code: the OpenAPI document reads it, and the typed client takes its type
// only (`import type { routes }`), so none of it reaches the browser.
import { boomHandler, legacyBoomHandler } from './handlers/boom'
import { edgeHandler } from './handlers/edge'
import { importHandler } from './handlers/import'
import { legacyNoteHandler } from './handlers/legacy-note'
import { noteHandler } from './handlers/note'
import { notesHandler } from './handlers/notes'
import { preferencesHandler } from './handlers/preferences'
import { loginHandler, logoutHandler, meHandler } from './handlers/session'
import { githubWebhookHandler, stripeWebhookHandler } from './handlers/webhooks'

export const routes = {
  '/api/notes': notesHandler,
  '/api/notes/[id]': noteHandler,
  '/api/import': importHandler,
  '/api/legacy/notes/[id]': legacyNoteHandler,
  '/api/session/login': loginHandler,
  '/api/session/logout': logoutHandler,
  '/api/session/me': meHandler,
  '/api/preferences': preferencesHandler,
  '/api/edge': edgeHandler,
  '/api/boom': boomHandler,
  '/api/legacy/boom': legacyBoomHandler,
  '/api/webhooks/stripe': stripeWebhookHandler,
  '/api/webhooks/github': githubWebhookHandler,
}
