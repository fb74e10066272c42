import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { routers, send, type Sent } from '../routers.js'

const secret = 'S3CRET-never-in-a-response'

// A realistic route: every part validated, and a server error that carries
// a secret in its message, to prove it never reaches a body.
const api = createHandler({ dev: false, bodyLimit: 4096 })
  .get({ query: z.object({ limit: z.coerce.number().int().max(100).default(20), q: z.string().max(50).optional() }) }, ({ query }) => query)
  .post(
    {
      headers: z.object({ 'x-tenant': z.string().min(1).optional() }),
      body: z.object({ name: z.string().min(1), qty: z.int().positive().optional(), tags: z.array(z.string()).max(5).optional() }),
    },
    ({ body }) => {
      if (body.name === 'explode') throw new Error(`db password ${secret}`)
      return { name: body.name }
    },
  )

const printable = fc.string({ unit: fc.constantFrom(...' !"#$%&\'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~é✓'.split('')), maxLength: 40 })

// Header values are byte strings: Node decodes them as latin1, so nothing above U+00FF arrives.
const headerValue = fc.string({ unit: fc.constantFrom(...' !"#%&()*,-./09:;<=>?@AZaz[]^_`{|}~éÿ'.split('')), maxLength: 40 })

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.record({ name: fc.string(), qty: fc.oneof(fc.integer(), fc.double(), fc.string()), tags: fc.array(fc.string()) }).map((v) => JSON.stringify(v)),
  printable,
  fc.constantFrom('{"a":', '{"__proto__":{"x":1},"name":"a"}', '[[[[[[', '{"name":"explode"}', '1e400', 'null', ''),
)

const request: fc.Arbitrary<Sent> = fc
  .record({
    method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'PROPFIND'),
    query: fc.array(fc.tuple(printable, printable), { maxLength: 4 }),
    contentType: fc.option(
      fc.constantFrom('application/json', 'APPLICATION/JSON; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/x+json'),
    ),
    tenant: fc.option(headerValue),
    body: fc.oneof(jsonish, fc.uint8Array({ maxLength: 64 })),
  })
  .map(({ method, query, contentType, tenant, body }) => {
    const search = new URLSearchParams(query).toString()
    const headers: Record<string, string> = {}
    if (contentType !== null) headers['content-type'] = contentType
    if (tenant !== null) headers['x-tenant'] = tenant.trim()
    const withBody = method !== 'GET' && method !== 'HEAD'
    return { method, path: `/api/items${search ? `?${search}` : ''}`, headers, body: withBody ? body : undefined }
  })

describe.each(routers)('random requests (%s router)', (router) => {
  it('never get a 500 for client input, never hang, never leak a secret or a stack', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        const response = await send(router, api, sent)
        const bodyIsExplode = typeof sent.body === 'string' && sent.body.includes('"explode"')
        if (!bodyIsExplode) expect(response.status, JSON.stringify(sent)).toBeLessThan(500)
        expect(response.text).not.toContain(secret)
        expect(response.text).not.toMatch(/\n\s+at /)
        if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json')
      }),
      { numRuns: 200, interruptAfterTimeLimit: 20_000 },
    )
  })
})
