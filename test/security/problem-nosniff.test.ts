import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, HttpError } from '../../src/index.js'
import { routers, send } from '../routers.js'

// A problem can echo what the client sent; `nosniff` keeps a browser from
// reading problem+json as HTML, whichever status and whoever threw it.
const handler = createHandler()
  .get(() => {
    throw HttpError.notFound('No such note.')
  })
  .post({ body: z.object({ text: z.string() }) }, () => {
    throw new Error('database down')
  })

describe.each(routers)('problem answers (%s router)', (router) => {
  it.each([
    ['a thrown 404', { method: 'GET' }, 404],
    ['a 405 from the method guard', { method: 'DELETE' }, 405],
    ['a 415 body', { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<b>x</b>' }, 415],
    ['a 422 body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":1}' }, 422],
    ['a 500', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"a"}' }, 500],
  ])('%s carries X-Content-Type-Options: nosniff', async (_, sent, status) => {
    const answer = await send(router, handler, sent)
    expect(answer.status).toBe(status)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('a plain JSON answer is left as the route made it', async () => {
    const ok = createHandler().get(() => ({ ok: true }))
    expect((await send(router, ok)).headers.get('x-content-type-options')).toBeNull()
  })
})
