import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, describeMiddleware, handlerWide, middlewareDescription, type Middleware } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { secret } from '../jwt/fixtures.js'

const apiKey = describeMiddleware<Middleware>(({ next }) => next(), {
  security: { name: 'apiKey', scheme: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
  statuses: [401],
})

describe('route descriptions', () => {
  it('list each route with its spec and the descriptions of the middleware it runs', () => {
    const Note = z.object({ text: z.string() })
    const notes = createHandler()
      .get({ summary: 'List notes', tags: ['notes'] }, () => [])
      .use(({ next }) => next()) // undescribed middleware leaves no trace
      .use(apiKey)
      .post({ body: Note, operationId: 'createNote', deprecated: true }, () => undefined)

    expect(notes.routes.map((route) => route.method)).toEqual(['GET', 'POST'])
    const [list, create] = notes.routes
    expect(list!.spec).toEqual({ summary: 'List notes', tags: ['notes'] })
    expect(list!.middleware).toEqual([])
    expect(create!.spec.body).toBe(Note)
    expect(create!.spec.operationId).toBe('createNote')
    expect(create!.middleware).toEqual([middlewareDescription(apiKey)])
    expect(create!.middleware[0]!.security!.name).toBe('apiKey')
  })

  it('describe a route defined without a spec with an empty one', () => {
    expect(createHandler().delete(() => undefined).routes).toEqual([
      { method: 'DELETE', spec: {}, middleware: [], invalidBodyStatus: 422, timeout: false },
    ])
  })

  it('carry the handler settings that decide a route\'s statuses', () => {
    const [route] = createHandler({ invalidBodyStatus: 400, timeout: 1000 }).post(() => undefined).routes
    expect(route).toMatchObject({ invalidBodyStatus: 400, timeout: true })
  })

  it('put handler-wide middleware first, since it runs first for every route', () => {
    const limiter = describeMiddleware(handlerWide(({ next }) => next()), { statuses: [429] })
    const [route] = createHandler().use(limiter).use(apiKey).get(() => null).routes
    expect(route!.middleware).toEqual([{ statuses: [429] }, middlewareDescription(apiKey)])
  })

  it('let a middleware that describes itself (jwt()) be described again: the last description wins', () => {
    const bearer = jwt({ secret, algorithms: ['HS256'] })
    const limited = { security: middlewareDescription(bearer)!.security, statuses: [401, 429] }
    expect(describeMiddleware(bearer, limited)).toBe(bearer)
    expect(middlewareDescription(bearer)).toEqual(limited)
    expect(createHandler().use(bearer).get(() => null).routes[0]!.middleware).toEqual([limited])
  })

  it('leave a middleware without a description undescribed', () => {
    expect(middlewareDescription(() => undefined)).toBeUndefined()
  })
})
