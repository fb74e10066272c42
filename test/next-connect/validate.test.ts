import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { kits } from './harness.js'

const ListQuery = z.object({ limit: z.coerce.number().int().max(100).default(20), tag: z.string().optional() })
const NewNote = z.object({ text: z.string().min(1).max(20), tags: z.array(z.string()).default([]) })
const json = { 'content-type': 'application/json' }

describe.each(kits())('validation as next-connect middleware ($kind router)', (kit) => {
  const router = () =>
    kit
      .router()
      .get(kit.validate({ query: ListQuery }), kit.reply((req) => req.validated))
      .post('/api/notes/:id', kit.validate({ params: z.object({ id: z.coerce.number().int() }), body: NewNote }), kit.reply((req) => req.validated, 201))

  it('puts the schemas’ outputs (coerced, defaulted) on req.validated for the next handler', async () => {
    expect((await kit.send(router(), { path: '/api/items?limit=5' })).json()).toEqual({ query: { limit: 5 } })
    expect((await kit.send(router(), { path: '/api/items?limit=' })).json()).toEqual({ query: { limit: 20 } })
    const created = await kit.send(router(), { method: 'POST', path: '/api/notes/7', headers: json, body: '{"text":"hi"}' })
    expect(created.status).toBe(201)
    expect(created.json()).toEqual({ params: { id: 7 }, body: { text: 'hi', tags: [] } })
  })

  it('answers invalid params or query with a 400 problem listing every issue, and stops the chain', async () => {
    const answer = await kit.send(router(), { path: '/api/items?limit=big&tag=a&tag=b' })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    const problem = answer.json()
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation_failed' })
    expect(problem.errors.map((issue: { in: string; path: string[] }) => [issue.in, ...issue.path])).toEqual([
      ['query', 'limit'],
      ['query', 'tag'],
    ])
    const params = await kit.send(router(), { method: 'POST', path: '/api/notes/seven', headers: json, body: '{"text":"hi"}' })
    expect(params.status).toBe(400)
    expect(params.json().errors).toEqual([expect.objectContaining({ in: 'params', path: ['id'] })])
  })

  it('answers a body that fails its schema with 422 (400 with invalidBodyStatus), malformed JSON with 400', async () => {
    const send = (body: string, headers: Record<string, string> = json) =>
      kit.send(router(), { method: 'POST', path: '/api/notes/1', headers, body })
    const invalid = await send('{"text":""}')
    expect(invalid.status).toBe(422)
    expect(invalid.json()).toMatchObject({ status: 422, errors: [{ in: 'body', path: ['text'], code: 'too_small' }] })
    const malformed = await send('{"text":')
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('content-type')).toBe('application/problem+json')
    expect((await send('text=hi', { 'content-type': 'text/plain' })).status).toBe(415)
    const strict = kit.router().post(kit.validate({ body: NewNote }, { invalidBodyStatus: 400 }), kit.reply(() => 'ok'))
    expect((await kit.send(strict, { method: 'POST', headers: json, body: '{"text":""}' })).status).toBe(400)
  })

  it('refuses a body over the limit with 413', async () => {
    const small = kit.router().post(kit.validate({ body: NewNote }, { bodyLimit: 16 }), kit.reply(() => 'ok'))
    const answer = await kit.send(small, { method: 'POST', headers: json, body: JSON.stringify({ text: 'x'.repeat(20) }) })
    expect(answer.status).toBe(413)
    expect(answer.json()).toMatchObject({ status: 413 })
  })

  it('adds up several validation steps on one request', async () => {
    const twice = kit.router().post(kit.validate({ query: ListQuery }), kit.validate({ body: NewNote }), kit.reply((req) => req.validated))
    const answer = await kit.send(twice, { method: 'POST', path: '/api/items?limit=3', headers: json, body: '{"text":"a"}' })
    expect(answer.json()).toEqual({ query: { limit: 3 }, body: { text: 'a', tags: [] } })
  })
})

describe.each(kits().filter((kit) => kit.kind === 'node'))('validation with Next’s body parser on (node router)', (kit) => {
  it('validates the body Next already parsed into req.body', async () => {
    const router = kit.router().post(kit.validate({ body: NewNote }), kit.reply((req) => req.validated.body))
    const ok = await kit.send(router, { method: 'POST', headers: json, body: '{"text":"hi"}', parsedBody: { text: 'hi' } })
    expect(ok.json()).toEqual({ text: 'hi', tags: [] })
    const invalid = await kit.send(router, { method: 'POST', headers: json, body: '{"text":""}', parsedBody: { text: '' } })
    expect(invalid.status).toBe(422)
  })
})
