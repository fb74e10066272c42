import { createHandler } from 'routekit'
import { z } from 'zod'

// Served on the Edge runtime (app/api/edge/route.ts): no Node built-ins anywhere in it.
export const edgeHandler = createHandler()
  .get(
    {
      query: z.object({ name: z.string().min(1).max(40).default('world') }),
      responses: { 200: z.object({ greeting: z.string(), runtime: z.literal('edge') }) },
      summary: 'Greet from the Edge runtime',
      tags: ['edge'],
      operationId: 'edgeGreeting',
    },
    ({ query }) => ({ greeting: `Hello, ${query.name}!`, runtime: 'edge' as const }),
  )
  .post(
    {
      body: z.object({ numbers: z.array(z.number()).max(1000) }),
      responses: { 200: z.object({ sum: z.number() }) },
      summary: 'Add numbers on the Edge runtime',
      tags: ['edge'],
      operationId: 'edgeSum',
    },
    ({ body }) => ({ sum: body.numbers.reduce((total, n) => total + n, 0) }),
  )
