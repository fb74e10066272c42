import { generateOpenApi } from 'routekit/openapi'
import { boomHandler, legacyBoomHandler } from './handlers/boom'
import { edgeHandler } from './handlers/edge'
import { importHandler } from './handlers/import'
import { legacyNoteHandler } from './handlers/legacy-note'
import { noteHandler } from './handlers/note'
import { notesHandler } from './handlers/notes'
import { preferencesHandler } from './handlers/preferences'
import { loginHandler, logoutHandler, meHandler } from './handlers/session'
import { githubWebhookHandler, stripeWebhookHandler } from './handlers/webhooks'

// Every routekit route of the app, by the path Next.js serves it at (App
// Router and Pages Router alike), written as the files name them.
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

/** The app's OpenAPI document, served by app/api/openapi/route.ts and committed as openapi.json. */
export const openApiDocument = generateOpenApi({
  info: {
    title: 'routekit example',
    version: '1.0.0',
    description: 'The notes API of the routekit example app, on both Next.js routers.',
    license: { name: 'MIT', identifier: 'MIT' }, // the repository's LICENSE
  },
  tags: [
    { name: 'notes', description: 'Notes, with bearer tokens.' },
    { name: 'legacy', description: 'The same notes on the Pages Router, with the cookie session.' },
    { name: 'session', description: 'Cookie sessions: log in, out, and your preferences.' },
    { name: 'edge', description: 'Routes on the Edge runtime.' },
    { name: 'errors', description: 'Routes that fail on purpose, to show error mapping.' },
    { name: 'webhooks', description: 'Signed webhooks from Stripe (Edge runtime) and GitHub (Pages Router), verified over the raw body.' },
  ],
  routes,
})
