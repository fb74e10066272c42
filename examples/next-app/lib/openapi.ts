import { generateOpenApi } from 'routekit/openapi'
import { routes } from './routes'

export { routes }

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
