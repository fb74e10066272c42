import { createHandler } from 'routekit'
import { toAppRoute } from 'routekit/app'
import { z } from 'zod'

// The same core on the Edge runtime: no Node built-ins anywhere in it.
export const runtime = 'edge'

const handler = createHandler()
  .get({ query: z.object({ name: z.string().min(1).max(40).default('world') }) }, ({ query }) => ({
    greeting: `Hello, ${query.name}!`,
    runtime: 'edge',
  }))
  .post({ body: z.object({ numbers: z.array(z.number()).max(1000) }) }, ({ body }) => ({
    sum: body.numbers.reduce((total, n) => total + n, 0),
  }))

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
