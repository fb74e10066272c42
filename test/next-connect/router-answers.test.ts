import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEdgeRouter, createRouter } from 'next-connect'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { HttpError } from '../../src/index.js'
import { edgeRouterAnswers, nodeRouterAnswers } from '../../src/next-connect/index.js'

// A next-connect route still being migrated answers like routekit's own:
// next-connect's defaults are a plain `404 Route DELETE ... not found` and
// a plain-text 500 carrying the error's message.
const onError = vi.fn()
const routes = <R extends { get: Function; post: Function }>(router: R) => {
  router.get(() => {
    throw new Error('db password is hunter2')
  })
  router.post(() => {
    throw HttpError.conflict('That note exists.')
  })
  return router
}

const node = routes(createRouter<IncomingMessage, ServerResponse>()).handler(nodeRouterAnswers({ methods: ['GET', 'POST'], onError, dev: false }))
const edge = routes(createEdgeRouter<Request, unknown>()).handler(edgeRouterAnswers({ methods: ['GET', 'POST'], onError, dev: false }))
const server = createServer((req, res) => void node(req as never, res))
let base = ''
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const send = {
  node: (method: string) => fetch(`${base}/api/notes`, { method }),
  edge: (method: string) => edge(new Request('http://routekit.test/api/notes', { method }), {}) as Promise<Response>,
}

describe.each(['node', 'edge'] as const)('routekit answers for a next-connect %s router', (kind) => {
  it('a method without a route: 405 problem with Allow; OPTIONS: 204 with Allow', async () => {
    const refused = await send[kind]('DELETE')
    expect(refused.status).toBe(405)
    expect(refused.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(await refused.json()).toMatchObject({ status: 405, code: 'method_not_allowed' })
    const options = await send[kind]('OPTIONS')
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, POST, OPTIONS'])
  })

  it('an HttpError keeps its problem; anything else is a bare 500, onError told', async () => {
    onError.mockClear()
    const conflict = await send[kind]('POST')
    expect([conflict.status, (await conflict.json()).detail]).toEqual([409, 'That note exists.'])
    const broken = await send[kind]('GET')
    expect(broken.status).toBe(500)
    const text = await broken.text()
    expect(text).not.toContain('hunter2')
    expect(JSON.parse(text)).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
    expect(onError).toHaveBeenCalledTimes(1)
  })
})

it('refuses methods it cannot list and unknown options', () => {
  expect(() => nodeRouterAnswers({ methods: ['GET', 'FETCH'] })).toThrow(/`methods` lists the methods/)
  expect(() => edgeRouterAnswers({ methods: ['GET'], onErorr: () => {} } as never)).toThrow(/did you mean `onError`/)
})
