import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { generateOpenApi } from '../../src/openapi/index.js'
import { webhook } from '../../src/webhooks/index.js'

const info = { title: 'Webhooks', version: '1.0.0' }
const Event = z.object({ id: z.string(), type: z.string() })

describe('OpenAPI for webhook routes and raw bodies', () => {
  const stripe = createHandler()
    .use(webhook({ scheme: 'stripe', secrets: () => process.env.STRIPE_WEBHOOK_SECRET }))
    .post({ body: Event }, () => ({ received: true }))
  const standard = createHandler()
    .use(webhook({ scheme: 'standard-webhooks', secrets: () => process.env.STANDARD_SECRET }))
    .post({ body: Event, headers: z.object({ 'webhook-id': z.string().meta({ description: 'Ours.' }) }) }, () => ({ received: true }))
  const uploads = createHandler().post({ body: z.union([z.string(), z.instanceof(Uint8Array)]), accepts: ['text', 'bytes', 'image/png'] }, () => undefined)
  const document = generateOpenApi({ info, routes: { '/api/stripe': stripe, '/api/standard': standard, '/api/uploads': uploads } })

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(document as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
  })

  it("documents the scheme's signature headers, the JSON body and the refusals", () => {
    const operation = document.paths['/api/stripe']!.post!
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: 'stripe-signature', in: 'header', required: true, schema: { type: 'string', pattern: '^t=\\d+,' } }),
    ])
    expect(Object.keys(operation.requestBody!.content)).toEqual(['application/json'])
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '413', '415']))
  })

  it("lets the route's own headers schema win for a header the middleware also names", () => {
    const parameters = document.paths['/api/standard']!.post!.parameters!
    expect(parameters.map((parameter) => parameter.name)).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature'])
    expect(parameters[0]!.description).toBe('Ours.')
  })

  it('lists text with its schema and binary media types without one', () => {
    expect(document.paths['/api/uploads']!.post!.requestBody!.content).toEqual({
      'text/plain': { schema: expect.any(Object) },
      'application/octet-stream': {},
      'image/png': {},
    })
  })
})
