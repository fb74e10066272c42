// The typed client for the app's own routes. Only the route map's type is
// imported: no handler, schema or secret is bundled where this is used.
import { createClient, type ClientOptions } from 'routekit/client'
import type { routes } from './routes'

/** For the browser: paths relative to the page's origin. */
export const api = createClient<typeof routes>()

/** For server components, route handlers and scripts, which need the app's origin. */
export function serverClient(baseUrl: string | URL, options: Omit<ClientOptions, 'baseUrl'> = {}) {
  return createClient<typeof routes>({ ...options, baseUrl })
}
