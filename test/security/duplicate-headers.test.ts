import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { testRoute } from '../../src/testing/index.js'
import { audience, issuer, secret, token } from '../jwt/fixtures.js'

// Two Authorization headers are ambiguous: which one is the caller? The App
// Router sees them joined (Fetch semantics) and answers 400; Node keeps only
// the first in `req.headers`, so the Pages adapter reads `rawHeaders` to
// answer the same. Two Content-Types likewise are no media type (415).
const handler = createHandler()
  .use(jwt({ secret, algorithms: ['HS256'], issuer, audience }))
  .get(({ auth }) => ({ sub: auth.sub }))
  .post({ body: z.object({ a: z.number() }) }, ({ body }) => body)

let server: Server
let port: number
beforeAll(async () => {
  const route = toPagesRoute(handler)
  server = createServer((req, res) => void route(req as PagesRequest, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** Sends a request exactly as written (fetch would merge the headers first) and reads the status line. */
function rawRequest(lines: string[], body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    socket.on('data', (chunk) => {
      reply += chunk
      const status = /^HTTP\/1\.1 (\d{3})/.exec(reply)
      if (status) {
        socket.destroy()
        resolve(Number(status[1]))
      }
    })
    socket.on('error', reject)
    socket.write([...lines, 'host: 127.0.0.1', 'connection: close', `content-length: ${Buffer.byteLength(body)}`, '', body].join('\r\n'))
  })
}

describe('repeated Authorization and Content-Type', () => {
  it('one valid token is 200 on both routers (the check does not refuse the normal case)', async () => {
    const valid = await token()
    expect(await rawRequest(['GET /api/me HTTP/1.1', `authorization: Bearer ${valid}`])).toBe(200)
    expect((await testRoute(handler, { auth: valid })).status).toBe(200)
  })

  it('two Authorization headers are 400 on the Pages adapter, as on the App Router', async () => {
    const valid = await token()
    expect(await rawRequest(['GET /api/me HTTP/1.1', `authorization: Bearer ${valid}`, 'authorization: Bearer other'])).toBe(400)
    const app = await testRoute(handler, { headers: { authorization: `Bearer ${valid}, Bearer other` } })
    expect(app.status).toBe(400)
  })

  it('two Content-Types are 415 on the Pages adapter', async () => {
    const valid = await token()
    const lines = ['POST /api/me HTTP/1.1', `authorization: Bearer ${valid}`, 'content-type: application/json', 'content-type: text/plain']
    expect(await rawRequest(lines, '{"a":1}')).toBe(415)
    expect(await rawRequest(lines.slice(0, 3), '{"a":1}')).toBe(200)
  })
})
