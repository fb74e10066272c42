import { describe, expect, it, vi } from 'vitest'
import { createHandler, handlerWide, HttpError, isHttpError } from '../../src/index.js'
import { problemOf, request } from '../helpers.js'

const throwing = (value: unknown, options: Parameters<typeof createHandler>[0] = { dev: false }) =>
  createHandler(options).get(() => {
    throw value
  })

describe('error mapping', () => {
  it('answers an HttpError with its status, code, detail and headers as RFC 9457 problem+json', async () => {
    const error = HttpError.unauthorized('Token expired.', {
      code: 'token_expired',
      headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
    })
    const response = await throwing(error).handle(request('GET'))
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Unauthorized',
      status: 401,
      code: 'token_expired',
      detail: 'Token expired.',
    })
  })

  it('derives a stable code from the status and keeps a custom type, title and extensions', async () => {
    expect(new HttpError(404).code).toBe('not_found')
    expect(new HttpError(415).code).toBe('unsupported_media_type')
    const error = new HttpError(409, {
      type: 'https://example.com/problems/duplicate',
      title: 'Duplicate item',
      extensions: { existing: '/api/items/1', status: 200, type: 'spoofed' },
    })
    expect(await problemOf(await throwing(error).handle(request('GET')))).toEqual({
      type: 'https://example.com/problems/duplicate',
      title: 'Duplicate item',
      status: 409,
      code: 'conflict',
      existing: '/api/items/1',
    })
  })

  it('in production, answers an unexpected Error with a generic 500 that leaks no message, stack or cause', async () => {
    const secret = new Error('ECONNREFUSED 10.0.0.5:5432 user=app password=hunter2', { cause: new Error('db down') })
    const response = await throwing(secret).handle(request('GET'))
    const text = await response.text()
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.parse(text)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal_server_error',
    })
    for (const leak of ['ECONNREFUSED', 'hunter2', 'db down', 'at ']) expect(text).not.toContain(leak)
  })

  it('hides the detail of a 5xx HttpError unless it is marked expose', async () => {
    const hidden = await problemOf(await throwing(HttpError.internal('cache shard 3 corrupt')).handle(request('GET')))
    expect(hidden).not.toHaveProperty('detail')
    const shown = await problemOf(
      await throwing(HttpError.serviceUnavailable('Maintenance until 10:00.', { expose: true })).handle(request('GET')),
    )
    expect(shown.detail).toBe('Maintenance until 10:00.')
  })

  it('in development, explains the 500 in its detail', async () => {
    const response = await throwing(new TypeError('x is undefined'), { dev: true }).handle(request('GET'))
    expect((await problemOf(response)).detail).toBe('TypeError: x is undefined')
  })

  it.each([
    ['a string', 'x'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['an object claiming status 200', { status: 200, message: 'fine' }],
    ['an object claiming status 404', { status: 404 }],
    ['a ZodError-like object', { name: 'ZodError', issues: [] }],
    ['an HttpError with status 999', new HttpError(999, { detail: 'odd' })],
    ['an HttpError with status 200', new HttpError(200)],
    ['a frozen object', Object.freeze({})],
    ['a symbol', Symbol('s')],
  ])('answers %s thrown with a 500 problem and hands it to onError', async (_, value) => {
    const onError = vi.fn()
    const response = await throwing(value, { dev: false, onError }).handle(request('GET'))
    expect(response.status).toBe(500)
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'internal_server_error',
    })
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![0]).toBe(value)
    expect(onError.mock.calls[0]![1]).toBeInstanceOf(Request)
  })

  it('answers an HttpError with a non-error status as a generic 500, without its headers, members or detail', async () => {
    const redirect = new HttpError(302, { headers: { location: '/elsewhere' }, detail: 'moved', expose: true, extensions: { to: '/x' } })
    const response = await throwing(redirect).handle(request('GET'))
    expect(response.status).toBe(500)
    expect(response.headers.get('location')).toBeNull()
    expect(await problemOf(response)).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
  })

  it('describes odd thrown values in development without crashing on them', async () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const detailOf = async (value: unknown) =>
      (await problemOf(await throwing(value, { dev: true }).handle(request('GET')))).detail
    expect(await detailOf('x')).toBe('Thrown value: x')
    expect(await detailOf(null)).toBe('Thrown value: null')
    expect(await detailOf(circular)).toBe('Thrown value of type object')
  })

  it('calls onError for 5xx only, and survives an onError that throws', async () => {
    const onError = vi.fn(() => {
      throw new Error('logger down')
    })
    expect((await throwing(HttpError.notFound(), { onError }).handle(request('GET'))).status).toBe(404)
    expect(onError).not.toHaveBeenCalled()
    expect((await throwing(new Error('x'), { onError }).handle(request('GET'))).status).toBe(500)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('answers 500 when the handler returns something JSON cannot encode', async () => {
    const api = createHandler({ dev: false }).get(() => ({ id: 1n }))
    expect((await api.handle(request('GET'))).status).toBe(500)
  })

  it("passes Next.js control-flow errors (redirect(), notFound()) back untouched", async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' })
    const notFound = Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;404'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' })
    const onError = vi.fn()
    await expect(throwing(redirect, { onError }).handle(request('GET'))).rejects.toBe(redirect)
    await expect(throwing(notFound, { onError }).handle(request('GET'))).rejects.toBe(notFound)
    expect(onError).not.toHaveBeenCalled()
    const lookalike = Object.assign(new Error('mine'), { digest: 'MY_APP_ERROR' })
    expect((await throwing(lookalike).handle(request('GET'))).status).toBe(500)
  })

  it('passes them back untouched through handler-wide middleware too, from a route or from the layer itself', async () => {
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' })
    const onError = vi.fn()
    const passing = handlerWide(({ next }) => next())
    const fromRoute = createHandler({ onError })
      .use(passing)
      .get(() => {
        throw redirect
      })
    await expect(fromRoute.handle(request('GET'))).rejects.toBe(redirect)
    const redirecting = handlerWide(() => {
      throw redirect
    })
    await expect(createHandler({ onError }).use(redirecting).get(() => 'ok').handle(request('GET'))).rejects.toBe(redirect)
    expect(onError).not.toHaveBeenCalled()
  })

  it('recognises HttpErrors by brand, also from another copy of the library', () => {
    expect(isHttpError(HttpError.badRequest())).toBe(true)
    expect(isHttpError({ status: 400, code: 'bad_request' })).toBe(false)
    expect(isHttpError(new Error('x'))).toBe(false)
  })
})

describe('problem member order', () => {
  it('puts the standard members first, then extensions, which cannot replace them', async () => {
    const error = new HttpError(422, { detail: 'Bad.', extensions: { errors: [], detail: 'spoofed', instance: '/x' } })
    const text = await (await throwing(error).handle(request('GET'))).text()
    expect(Object.keys(JSON.parse(text))).toEqual(['type', 'title', 'status', 'code', 'detail', 'errors', 'instance'])
    expect(JSON.parse(text).detail).toBe('Bad.')
  })
})
