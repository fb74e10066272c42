import { describe, expect, it } from 'vitest'
import { cors } from '../../src/cors/index.js'
import { createHandler } from '../../src/index.js'

// Mistakes are refused when cors() is called, naming the option, rather
// than showing up as a browser console error or an API open to every site.
describe('cors() configuration', () => {
  it.each([
    ["'*' with credentials", { origin: '*', credentials: true }, /`origin: '\*'` cannot be combined with `credentials: true`/],
    ['no origin', {}, /`origin` is required/],
    ['an empty origin list', { origin: [] }, /`origin` is an empty list/],
    ["'*' inside a list", { origin: ['*', 'https://a.example'] }, /cannot be part of a list/],
    ['an origin with a trailing slash', { origin: 'https://a.example/' }, /write "https:\/\/a\.example"/],
    ['an origin with a path', { origin: ['https://a.example/app'] }, /write "https:\/\/a\.example"/],
    ['an origin in upper case', { origin: 'https://App.example' }, /write "https:\/\/app\.example"/],
    ['a default port written out', { origin: 'https://a.example:443' }, /write "https:\/\/a\.example"/],
    ['a host without a scheme', { origin: 'a.example' }, /is not an origin/],
    ['a non-http origin', { origin: 'file:///tmp/x' }, /is not an http\(s\) origin/],
    ['an entry of another type', { origin: [42] }, /strings or RegExps/],
    ['a credentials value that is not boolean', { origin: 'https://a.example', credentials: 'yes' }, /`credentials` must be true or false/],
    ['a fractional maxAge', { origin: 'https://a.example', maxAge: 1.5 }, /`maxAge` must be a whole number/],
    ['a negative maxAge', { origin: 'https://a.example', maxAge: -1 }, /`maxAge`/],
    ['a maxAge given as a string', { origin: 'https://a.example', maxAge: '600' }, /`maxAge`/],
    ['a header name with a space', { origin: 'https://a.example', allowedHeaders: ['x a'] }, /`allowedHeaders` contains "x a"/],
    ['exposedHeaders that is a string', { origin: 'https://a.example', exposedHeaders: 'location' }, /`exposedHeaders` must be an array/],
    ["'*' exposed with credentials", { origin: 'https://a.example', credentials: true, exposedHeaders: ['*'] }, /contains '\*'/],
    ['a methods option', { origin: 'https://a.example', methods: ['GET'] }, /unknown option `methods` \(the methods granted are the routes/],
    ['a misspelt option', { origin: 'https://a.example', maxage: 5 }, /unknown option `maxage` \(did you mean `maxAge`\?\)/],
  ])('refuses %s', (_, options, message) => {
    expect(() => cors(options as never)).toThrow(TypeError)
    expect(() => cors(options as never)).toThrow(message)
  })

  it('accepts the forms the README shows', () => {
    expect(() => cors({ origin: '*' })).not.toThrow()
    expect(() => cors({ origin: '*', credentials: false, allowedHeaders: ['*'], exposedHeaders: ['*'] })).not.toThrow()
    expect(() => cors({ origin: 'http://localhost:5173', credentials: true, maxAge: 0 })).not.toThrow()
    expect(() => cors({ origin: ['https://a.example', /https:\/\/.+\.a\.example/, 'null'], allowedHeaders: [] })).not.toThrow()
    expect(() => cors({ origin: () => true, credentials: true })).not.toThrow()
  })

  it('must be added before the first route, like every handler-wide middleware', () => {
    expect(() => createHandler().get(() => 'ok').use(cors({ origin: '*' }))).toThrow(/cors must be added before the handler's first route/)
  })
})
