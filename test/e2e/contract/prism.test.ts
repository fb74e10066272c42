// Contract test: the example app under `next start`, behind a Prism
// validation proxy reading the committed openapi.json. For every operation
// a valid request, an invalid one, one with refused credentials and one
// with a method the path does not have; any answer the document does not
// describe (status, headers, body) fails. HEAD (Prism answers it 500) and
// malformed JSON (Prism never forwards it) are left to the direct e2e tests.
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, bearer, call } from '../client.js'
import { type Exchange, operationCases, type OperationCases } from './cases.js'
import { type Prism, type ProxiedAnswer, startPrism } from './prism.js'
import { exampleDocument, toolsDir } from './tools.js'

interface Operation {
  operationId: string
  security: Record<string, string[]>[]
  responses: Record<string, unknown>
}
const document = JSON.parse(readFileSync(exampleDocument, 'utf8')) as { paths: Record<string, Record<string, Operation>>; components: any }
const methods = ['get', 'put', 'post', 'delete', 'patch']
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
)
const concrete = (path: string) => path.replace('{id}', '1')
const body = (exchange: Exchange) => (exchange.body === undefined ? undefined : JSON.stringify(exchange.body))

let prism: Prism
let cases: Record<string, OperationCases>

beforeAll(async () => {
  prism = await startPrism(exampleDocument, baseUrl)
  // Notes the bearer token's subject owns: one to edit, one to delete.
  const writer = await bearer('notes:write', 'grace')
  const create = () => call('POST', '/api/notes', { headers: { ...writer, 'content-type': 'application/json' }, body: '{"text":"for the contract test"}' })
  cases = await operationCases((await create()).json().id, (await create()).json().id)
}, 240_000)
afterAll(async () => {
  await prism?.stop()
})

function expectDocumented(answer: ProxiedAnswer, exchange: Exchange): void {
  const what = `${exchange.method} ${exchange.path}`
  expect(answer.prismError, `${what}: Prism answered itself: ${JSON.stringify(answer.body)}`).toBeUndefined()
  expect(answer.violations, what).toEqual([])
  expect(answer.status, `${what}: ${JSON.stringify(answer.body)}`).toBe(exchange.status)
}

async function exchange(exchange: Exchange): Promise<ProxiedAnswer> {
  const answer = await prism.send(exchange.method, exchange.path, { headers: exchange.headers, body: body(exchange) })
  expectDocumented(answer, exchange)
  return answer
}

describe('the example app through a Prism validation proxy', () => {
  it('has request cases for every documented operation', () => {
    const missing = operations.map(({ operation }) => operation.operationId).filter((id) => !(id in cases))
    expect(missing, 'each documented operation needs its requests in test/e2e/contract/cases.ts').toEqual([])
  })

  describe.each(operations.map(({ path, method, operation }) => [operation.operationId, path, method, operation] as const))(
    '%s (%s %s)',
    (operationId, path, method, operation) => {
      it('answers a valid request as documented', async () => {
        await exchange(cases[operationId]!.valid)
      })

      it('answers an invalid request with a documented problem', async (context) => {
        const invalid = cases[operationId]!.invalid
        if (invalid === undefined) return context.skip('the operation takes no input')
        const answer = await exchange(invalid)
        expect(answer.body).toMatchObject({ status: invalid.status, code: 'validation_failed' })
      })

      it('answers refused credentials with a documented 401; Prism refuses none at all for a secured operation', async (context) => {
        const unauthenticated = cases[operationId]!.unauthenticated
        const secured = operation.security.length > 0 && operation.security.every((requirement) => Object.keys(requirement).length > 0)
        if (unauthenticated === undefined) {
          expect(secured, 'a secured operation needs an unauthenticated case').toBe(false)
          return context.skip('a public operation')
        }
        await exchange(unauthenticated)
        if (!secured) return
        const { authorization: _, cookie: __, ...bare } = unauthenticated.headers ?? {}
        const none = await prism.send(method, unauthenticated.path, { headers: bare, body: body(unauthenticated) })
        expect(none.prismError).toBe('UNAUTHORIZED')
        expect((await call(method, unauthenticated.path, { headers: bare, body: body(unauthenticated) })).status).toBe(401)
      })

      it('answers its other documented problems as documented', async () => {
        for (const more of cases[operationId]!.more ?? []) await exchange(more)
      })

      it('lists exactly the methods the app answers: another is a 405 with Allow', async () => {
        const documented = Object.keys(document.paths[path]!).map((name) => name.toUpperCase())
        const wrong = methods.map((name) => name.toUpperCase()).find((name) => !documented.includes(name))!
        const proxied = await prism.send(wrong, concrete(path))
        expect(proxied.prismError).toBe('NO_METHOD_MATCHED_ERROR')
        const direct = await call(wrong, concrete(path))
        expect(direct.status).toBe(405)
        expect(direct.headers.get('content-type')).toBe('application/problem+json')
        expect(direct.json()).toMatchObject({ status: 405, code: 'method_not_allowed' })
        const allowed = direct.headers.get('allow')!.split(', ').filter((name) => name !== 'HEAD' && name !== 'OPTIONS')
        expect(allowed.sort()).toEqual(documented.sort())
      })
    },
  )

  it('answers a client over the login limit with the documented 429 and its headers', async () => {
    const attempt = () => exchange({ ...cases.login!.unauthenticated!, headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.78' } })
    for (let i = 0; i < 10; i++) await attempt()
    const refused = await prism.send('POST', '/api/session/login', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.78' },
      body: '{"username":"ada","password":"lovelace"}',
    })
    expectDocumented(refused, { method: 'POST', path: '/api/session/login', status: 429 })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('the Prism check itself', () => {
  it('fails an answer the document does not describe: a wrong body, an undocumented status', async () => {
    const tampered = structuredClone(document)
    tampered.components.schemas.Note.properties.text = { type: 'integer' }
    delete tampered.paths['/api/notes/{id}']!.get!.responses['404']
    const path = `${toolsDir}node_modules/.tampered-openapi.json`
    writeFileSync(path, JSON.stringify(tampered))
    const strict = await startPrism(path, baseUrl)
    try {
      expect((await strict.send('GET', '/api/notes/1')).prismError).toBe('VIOLATIONS')
      expect((await strict.send('GET', '/api/notes/99999')).violations).toMatchObject([{ message: expect.stringContaining('status code') }])
    } finally {
      await strict.stop()
    }
  }, 90_000)
})
