import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { toAppRoute } from '../../src/adapters/app.js'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { jwt, type JwksOptions } from '../../src/jwt/index.js'
import { request } from '../helpers.js'
import { token } from '../jwt/fixtures.js'
import { JwksServer } from '../jwt/jwks-server.js'
import { routers, send } from '../routers.js'
import { expectProblem } from './expect-problem.js'

// Failing dependencies and clients. Every test here also runs under
// test/setup/no-unhandled-rejections.ts: a leaked rejection fails it.

const keys = await generateKeyPair('RS256', { extractable: true })
const jwks = new JwksServer()
beforeAll(() => jwks.start())
afterAll(() => jwks.stop())
beforeEach(async () => {
  jwks.mode = 'ok'
  jwks.keys = [{ ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256' }]
})

const verified = (settings: Partial<JwksOptions> = {}) =>
  createHandler()
    .use(jwt({ jwks: { url: jwks.url, timeoutDuration: 300, ...settings }, algorithms: ['RS256'], jwksRetryAfter: 15 }))
    .get(() => 'ok')
const unavailable = { code: 'jwks_unavailable', headers: { 'retry-after': '15' } }

describe.each(routers)('K2: an unreachable JWKS is 503 with Retry-After (%s router)', (router) => {
  const withToken = async (handler: ReturnType<typeof verified>) =>
    send(router, handler, { headers: { authorization: `Bearer ${await token({ alg: 'RS256', key: keys.privateKey, header: { kid: 'k1' } })}` } })

  it('when it is down at cold start', async () => {
    await jwks.stop()
    try {
      expectProblem(await withToken(verified()), 503, unavailable)
    } finally {
      await jwks.start()
    }
  })

  it('when it goes down after the cache expired, with stale keys turned off', async () => {
    const handler = verified({ cacheMaxAge: 50, maxStale: 0 })
    expect((await withToken(handler)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 80))
    await jwks.stop()
    try {
      expectProblem(await withToken(handler), 503, unavailable)
    } finally {
      await jwks.start()
    }
  })

  it('when it answers only after 10 s: within the configured timeout', { timeout: 3000 }, async () => {
    jwks.mode = 'slow'
    expectProblem(await withToken(verified({ timeoutDuration: 200 })), 503, unavailable)
  })

  it.each(['redirect', 'html', 'error'] as const)('when it answers with a %s', async (mode) => {
    jwks.mode = mode
    expectProblem(await withToken(verified()), 503, unavailable)
  })
})

describe.each(routers)('a middleware that calls next() without awaiting it (%s router)', (router) => {
  it('leaves its own answer standing and no unhandled rejection behind', async () => {
    const api = createHandler()
      .use(({ next }) => {
        void next()
        return new Response('answered first', { status: 202 })
      })
      .get(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        throw new Error('too late to matter')
      })
    const answer = await send(router, api)
    expect([answer.status, answer.text]).toEqual([202, 'answered first'])
    await new Promise((resolve) => setTimeout(resolve, 20))
  })
})

describe('a client that disconnects mid-body', () => {
  const handler = vi.fn()
  const onError = vi.fn()
  const upload = createHandler({ onError }).post({ body: z.object({ data: z.string() }) }, handler)

  it('App Router: a body stream that breaks is a 400, and the handler never runs', async () => {
    let sent = false
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('client went away'))
        sent = true
        controller.enqueue(new TextEncoder().encode('{"data":"'))
      },
    })
    const answer = await toAppRoute(upload).POST(
      request('POST', '/api/upload', { body: breaking, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit),
    )
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ code: 'body_unreadable' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('Pages Router on a real socket: the route settles, nothing crashes, and the server keeps serving', async () => {
    await withPagesServer(upload, async (port, settled) => {
      const socket = connect(port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write('POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"data":"')
      await new Promise((resolve) => setTimeout(resolve, 50))
      socket.destroy()
      await vi.waitFor(() => expect(settled).toHaveLength(1))
      await expect(settled[0]).resolves.toBeUndefined()
      expect(handler).not.toHaveBeenCalled()
      expect(onError).not.toHaveBeenCalled() // the client's doing, not a server fault

      const next = await fetch(`http://127.0.0.1:${port}/api/upload`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"data":"whole"}',
      })
      expect(next.status).toBe(204)
    })
  })
})

describe('a client that disconnects while a large response streams', () => {
  it('Pages Router: the route stops streaming and settles', async () => {
    let produced = 0
    const download = createHandler().get(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              // 64 MiB if nobody stops it.
              if (produced >= 64 * 1024 * 1024) return controller.close()
              produced += 256 * 1024
              controller.enqueue(new Uint8Array(256 * 1024))
            },
          }),
        ),
    )
    await withPagesServer(download, async (port, settled) => {
      const socket = connect(port, '127.0.0.1')
      await new Promise((resolve) => socket.once('connect', resolve))
      socket.write('GET /download HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
      await new Promise((resolve) => socket.once('data', resolve))
      socket.destroy()
      await vi.waitFor(() => expect(settled).toHaveLength(1))
      await expect(settled[0]).resolves.toBeUndefined()
      expect(produced).toBeLessThan(64 * 1024 * 1024)
    })
  })
})

/** Serves a handler through the Pages adapter on a real socket, collecting each request's settled promise. */
async function withPagesServer(
  handler: Parameters<typeof toPagesRoute>[0],
  use: (port: number, settled: Promise<void>[]) => Promise<void>,
): Promise<void> {
  const route = toPagesRoute(handler)
  const settled: Promise<void>[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    settled.push(route(req as PagesRequest, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await use((server.address() as AddressInfo).port, settled)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}
