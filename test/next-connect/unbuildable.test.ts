import type { ServerResponse } from 'node:http'
import { createMocks } from 'node-mocks-http'
import { describe, expect, it } from 'vitest'
import type { PagesRequest } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { mountNode, useNode, validateNode } from '../../src/next-connect/index.js'

// Fetch cannot carry TRACE, and undici refuses to send it, so these run on
// node-mocks-http objects as next-connect would hand them over.
async function call(step: (req: PagesRequest, res: ServerResponse, next: () => unknown) => Promise<void>) {
  const { req, res } = createMocks({ method: 'TRACE', url: '/api/items', headers: { host: 'localhost' } })
  let nextCalled = false
  await step(req as unknown as PagesRequest, res as unknown as ServerResponse, () => {
    nextCalled = true
  })
  return { status: res._getStatusCode(), headers: res._getHeaders(), json: () => JSON.parse(String(res._getData())), nextCalled }
}

describe('requests Fetch cannot represent, on the Node router', () => {
  it('are a 501 problem at a middleware or validation step, which does not continue the chain', async () => {
    for (const step of [useNode(({ next }) => next()), validateNode({})]) {
      const answer = await call(step)
      expect(answer.status).toBe(501)
      expect(answer.json()).toMatchObject({ status: 501, code: 'not_implemented' })
      expect(answer.nextCalled).toBe(false)
    }
  })

  it('are the mounted handler’s 405 with Allow', async () => {
    const answer = await call(mountNode(createHandler().get(() => 'ok')))
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('GET, HEAD, OPTIONS')
  })
})
