import { describe, expect, it } from 'vitest'
import { toAppRoute } from '../../src/adapters/app.js'
import { toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { mountEdge, mountNode } from '../../src/next-connect/index.js'

// A route module that hands an adapter something else (a missing export, a
// raw Next handler, a module namespace) fails when it is loaded, with a
// TypeError that says what it got, not on every request deep inside.
const adapters = [
  ['toAppRoute', toAppRoute, 'routekit/app'],
  ['toPagesRoute', toPagesRoute, 'routekit/pages'],
  ['mountNode', mountNode, 'routekit/next-connect'],
  ['mountEdge', mountEdge, 'routekit/next-connect'],
] as const

describe.each(adapters)('%s()', (name, adapter, entry) => {
  it.each([
    ['{}', {}, /got an object with no properties/],
    ['undefined (a missing export)', undefined, /got undefined/],
    ['null', null, /got null/],
    ['a Next route function', async function GET() {}, /got the function `GET`/],
    ['createHandler itself', createHandler, /got the function `createHandler`/],
    ['a module namespace', { notes: createHandler().get(() => 1), GET: () => 1 }, /with the properties `notes`, `GET`/],
    ['a Promise', Promise.resolve(createHandler()), /a Promise \(is an `await` missing\?\)/],
    ['a string', 'notes', /got a string/],
  ])('refuses %s at once, naming what it got', (_, value, got) => {
    let thrown: unknown
    try {
      adapter(value as never)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TypeError)
    expect((thrown as Error).message).toMatch(new RegExp(`^${entry}: ${name}\\(\\) takes a routekit handler`))
    expect((thrown as Error).message).toMatch(got)
  })

  it('accepts a handler, also one with no routes yet', () => {
    expect(() => adapter(createHandler().get(() => 1))).not.toThrow()
    expect(() => adapter(createHandler())).not.toThrow()
  })
})
