import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type Middleware } from '../../src/index.js'
import { generateOpenApi, openApiRoute } from '../../src/openapi/index.js'
import { routers, send } from '../routers.js'

const notes = createHandler().post({ body: z.object({ text: z.string() }) }, () => null)
const document = generateOpenApi({ info: { title: 'Notes', version: '1.0.0' }, routes: { '/api/notes': notes } })

describe.each(routers)('openApiRoute() (%s router)', (router) => {
  it('serves the document as JSON with an ETag the client revalidates', async () => {
    const response = await send(router, openApiRoute(document), { path: '/api/openapi' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
    expect(response.json()).toEqual(document)
  })

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const handler = openApiRoute(document)
    const etag = (await send(router, handler)).headers.get('etag')!
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await send(router, handler, { headers: { 'if-none-match': ifNoneMatch } })
      expect(response.status).toBe(304)
      expect(response.text).toBe('')
      expect(response.headers.get('etag')).toBe(etag)
    }
    expect((await send(router, handler, { headers: { 'if-none-match': '"other"' } })).status).toBe(200)
  })

  it('accepts a builder that returns a promise', async () => {
    const response = await send(router, openApiRoute(async () => document))
    expect(response.json()).toEqual(document)
  })

  it('builds a lazy document once, on the first request', async () => {
    let builds = 0
    const handler = openApiRoute(() => {
      builds += 1
      return document
    })
    expect(builds).toBe(0)
    await send(router, handler)
    await send(router, handler)
    expect(builds).toBe(1)
  })

  it('answers HEAD without a body, and other methods with 405', async () => {
    const handler = openApiRoute(document)
    const head = await send(router, handler, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    const post = await send(router, handler, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })

  it('takes a base handler and a Cache-Control of the user\'s choosing', async () => {
    const internalOnly: Middleware = ({ req, next }) => {
      if (req.headers.get('x-internal') !== 'yes') return new Response(null, { status: 404 })
      return next()
    }
    const handler = openApiRoute(document, { base: createHandler().use(internalOnly), cacheControl: 'public, max-age=60' })
    expect((await send(router, handler)).status).toBe(404)
    const response = await send(router, handler, { headers: { 'x-internal': 'yes' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('answers a document that fails to build with a 500 problem, and tries again next time', async () => {
    let calls = 0
    const handler = createHandler({ dev: false })
    const flaky = openApiRoute(
      () => {
        calls += 1
        if (calls === 1) throw new Error('schema registry not ready')
        return document
      },
      { base: handler },
    )
    const failed = await send(router, flaky)
    expect(failed.status).toBe(500)
    expect(failed.text).not.toContain('registry')
    expect((await send(router, flaky)).status).toBe(200)
  })
})

// The Problem component describes what routekit really sends.
describe.each(routers)('the Problem schema (%s router)', (router) => {
  const problem = document.components.schemas.Problem as { properties: Record<string, unknown>; required: string[] }
  const issue = document.components.schemas.ValidationIssue as { properties: Record<string, unknown>; required: string[] }

  it('fits a validation failure: every member documented, every required one present', async () => {
    const response = await send(router, notes, { method: 'POST', path: '/api/notes', headers: { 'content-type': 'application/json' }, body: '{"text":1}' })
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const body = response.json()
    expect(Object.keys(problem.properties)).toEqual(expect.arrayContaining(Object.keys(body)))
    expect(Object.keys(body)).toEqual(expect.arrayContaining(problem.required))
    for (const entry of body.errors) {
      expect(Object.keys(entry).sort()).toEqual([...issue.required].sort())
      expect(Object.keys(issue.properties)).toEqual(expect.arrayContaining(Object.keys(entry)))
    }
  })

  it('fits the 415, 413 and 405 problems', async () => {
    const answers = [
      await send(router, notes, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }),
      await send(router, notes, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `"${'x'.repeat(1024 * 1024 + 1)}"` }),
      await send(router, notes, { method: 'GET' }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([415, 413, 405])
    for (const answer of answers) {
      expect(Object.keys(problem.properties)).toEqual(expect.arrayContaining(Object.keys(answer.json())))
      expect(Object.keys(answer.json())).toEqual(expect.arrayContaining(problem.required))
    }
  })
})
