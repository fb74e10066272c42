import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseMediaType } from '../../src/body/parse-media-type.js'
import { createHandler } from '../../src/index.js'
import { routers, send } from '../routers.js'

// RFC 9110 §5.6.6 / §8.3.1: parameters are `name=token` or
// `name="quoted string"`; inside quotes `;` and `=` are part of the value and
// `\"` is an escaped quote.
describe('parseMediaType', () => {
  it.each([
    ['application/json', 'application/json', {}],
    ['Application/JSON; Charset=UTF-8', 'application/json', { charset: 'UTF-8' }],
    ['application/json;charset="utf-8"', 'application/json', { charset: 'utf-8' }],
    ['application/json; name="a=b;charset=fake"', 'application/json', { name: 'a=b;charset=fake' }],
    ['application/json; name="a\\"b"; charset=utf-8', 'application/json', { name: 'a"b', charset: 'utf-8' }],
    ['multipart/form-data; boundary="----x;y"', 'multipart/form-data', { boundary: '----x;y' }],
    ['text/plain;;  charset=utf-8 ;', 'text/plain', { charset: 'utf-8' }],
    ['text/plain; charset=utf-8; charset=latin1', 'text/plain', { charset: 'utf-8' }],
  ])('%s', (header, essence, parameters) => {
    const parsed = parseMediaType(header)
    expect(parsed?.essence).toBe(essence)
    expect(Object.fromEntries(parsed!.parameters)).toEqual(parameters)
  })

  it.each([
    ['no subtype', 'application'],
    ['an empty type', '/json'],
    ['a space inside the type', 'application/ json'],
    ['a parameter without =', 'application/json; charset'],
    ['an unterminated quote', 'application/json; name="abc'],
    ['text after a quoted value', 'application/json; name="a"b'],
    ['a value that is no token', 'application/json; name=a b'],
  ])('refuses %s', (_, header) => {
    expect(parseMediaType(header)).toBeUndefined()
  })

  it('round-trips any quoted value, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const quoted = `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`
        const parsed = parseMediaType(`application/json; name=${quoted}; charset=utf-8`)
        expect(parsed?.parameters.get('name')).toBe(value)
        expect(parsed?.parameters.get('charset')).toBe('utf-8')
      }),
    )
  })
})

describe.each(routers)('Content-Type parameters on a JSON route (%s router)', (router) => {
  const route = createHandler().post({ body: z.object({ a: z.number() }) }, ({ body }) => body)
  const post = (type: string) => send(router, route, { method: 'POST', headers: { 'content-type': type }, body: '{"a":1}' })

  it('a quoted parameter holding `;charset=` is one value, not a second charset', async () => {
    const answer = await post('application/json; name="a=b;charset=fake"')
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ a: 1 })
  })

  it('a real non-UTF-8 charset is still refused, quoted or not', async () => {
    for (const type of ['application/json; charset=latin1', 'application/json; charset="latin1"']) {
      const answer = await post(type)
      expect(answer.status).toBe(415)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('a Content-Type that is not a media type is 415', async () => {
    const answer = await post('application/json; name="unterminated')
    expect(answer.status).toBe(415)
    expect(answer.json().detail).toBe('The Content-Type header is not a valid media type.')
  })
})
