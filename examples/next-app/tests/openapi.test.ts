// The example app's OpenAPI document: valid OpenAPI 3.1, complete (every
// routekit route file is in it, as the handler that file mounts), truthful
// (each operation matches its handler, and what the handler answers is
// documented), and equal to the committed openapi.json (`npm run openapi`
// at the repository root rewrites it).
import { readdirSync, readFileSync } from 'node:fs'
import { Validator } from '@seriousme/openapi-schema-validator'
import { openApiRoute } from 'routekit/openapi'
import { testRoute } from 'routekit/testing'
import { describe, expect, it, vi } from 'vitest'
import type { z } from 'zod'
import * as boom from '../lib/handlers/boom'
import * as edge from '../lib/handlers/edge'
import * as importing from '../lib/handlers/import'
import * as legacyNote from '../lib/handlers/legacy-note'
import * as note from '../lib/handlers/note'
import * as notes from '../lib/handlers/notes'
import * as preferences from '../lib/handlers/preferences'
import * as sessions from '../lib/handlers/session'
import * as webhooks from '../lib/handlers/webhooks'
import { openApiDocument as document, routes } from '../lib/openapi'

const app = new URL('../', import.meta.url)
// Routes that are not routekit handlers (the next-connect route is one only
// halfway: its POST is next-connect code), or that serve the document itself.
const undocumented = new Set([
  '/api/legacy/connect/notes',
  '/api/openapi',
  '/api/openapi/reference',
  '/api/openapi/ui/[[...asset]]',
])
const handlersByName = new Map(
  [boom, edge, importing, legacyNote, note, notes, preferences, sessions, webhooks].flatMap((module) => Object.entries(module)),
)

/** Every API route file of the app, by the path Next.js serves it at. */
function routeFiles(): Map<string, string> {
  const files = new Map<string, string>()
  for (const file of readdirSync(new URL('app/api', app), { recursive: true }) as string[]) {
    if (file.endsWith('route.ts')) files.set(`/api/${file.replace(/\/?route\.ts$/, '')}`.replace(/\/$/, ''), `app/api/${file}`)
  }
  for (const file of readdirSync(new URL('pages/api', app), { recursive: true }) as string[]) {
    if (file.endsWith('.ts')) files.set(`/api/${file.replace(/\.ts$/, '')}`, `pages/api/${file}`)
  }
  return files
}

const operationsOf = (path: string) => document.paths[path.replace(/\[(\w+)\]/g, '{$1}')]!
const keysOf = (schema: unknown) => Object.keys((schema as z.ZodObject | undefined)?.shape ?? {})

describe('the OpenAPI document', () => {
  it('equals the committed openapi.json', async () => {
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot('../openapi.json')
  })

  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
  })

  it('lists every routekit route file, as the handler that file mounts', () => {
    const files = routeFiles()
    expect([...files.keys()].filter((path) => !undocumented.has(path)).sort()).toEqual(Object.keys(routes).sort())
    for (const [path, handler] of Object.entries(routes)) {
      const source = readFileSync(new URL(files.get(path)!, app), 'utf8')
      const mounted = /to(?:App|Pages)Route\((\w+)\)/.exec(source)?.[1]
      expect(handlersByName.get(mounted!), `${files.get(path)} mounts ${mounted}`).toBe(handler)
    }
  })

  it.each(Object.entries(routes))('documents %s as its handler is', (path, handler) => {
    const operations = operationsOf(path)
    expect(Object.keys(operations)).toEqual(handler.routes.map((route) => route.method.toLowerCase()))
    for (const route of handler.routes) {
      const operation = operations[route.method.toLowerCase()]!
      const { spec } = route
      // Then the request headers middleware reads (a webhook's signature).
      const middlewareHeaders = route.middleware.flatMap((layer) => (layer.requestHeaders ?? []).map((header) => header.name))
      expect((operation.parameters ?? []).map((parameter) => parameter.name)).toEqual([...keysOf(spec.params), ...keysOf(spec.query), ...middlewareHeaders])
      expect(operation.requestBody !== undefined).toBe(spec.body !== undefined)
      const statuses = Object.keys(operation.responses)
      expect(statuses).toEqual(expect.arrayContaining(Object.keys(spec.responses ?? {})))
      expect(statuses).toEqual(expect.arrayContaining(route.middleware.flatMap((layer) => layer.statuses ?? []).map(String)))
      const schemes = route.middleware.flatMap((layer) => (layer.security ? [layer.security.name] : []))
      expect(Object.keys(operation.security?.[0] ?? {}).sort()).toEqual([...new Set(schemes)].sort())
    }
  })

  it('documents what each route answers a bare request with, on both routers', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // the boom routes log on purpose
    for (const router of ['app', 'pages'] as const) {
      for (const [path, handler] of Object.entries(routes)) {
        for (const { method } of handler.routes) {
          const answer = await testRoute(handler, { router, method, url: path.replace('[id]', '1'), params: path.includes('[id]') ? { id: '1' } : {} })
          const documented = Object.keys(operationsOf(path)[method.toLowerCase()]!.responses)
          const status = String(answer.status)
          expect(documented.includes(status) || (documented.includes('2XX') && status.startsWith('2')), `${router} ${method} ${path}: ${status}`).toBe(true)
        }
      }
    }
  })

  it('protects the writes: bearer tokens with notes:write, or the session cookie', () => {
    expect(operationsOf('/api/notes').post!.security).toEqual([{ bearerAuth: ['notes:write'] }])
    expect(operationsOf('/api/notes/[id]').patch!.security).toEqual([{ bearerAuth: [] }])
    expect(operationsOf('/api/legacy/notes/[id]').put!.security).toEqual([{ sessionCookie: [] }])
    expect(operationsOf('/api/session/login').post!.security).toEqual([{ sessionCookie: [] }, {}])
    expect(operationsOf('/api/notes').get!.security).toEqual([])
    expect(document.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'session' },
    })
  })
})

describe.each(['app', 'pages'] as const)('the document route (%s router)', (router) => {
  it('serves the document, and 304 to a client that has it', async () => {
    const handler = openApiRoute(document)
    const served = await testRoute(handler, { router, url: '/api/openapi' })
    expect(served.status).toBe(200)
    expect(served.body).toEqual(JSON.parse(JSON.stringify(document)))
    const again = await testRoute(handler, { router, url: '/api/openapi', headers: { 'if-none-match': served.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })
})
