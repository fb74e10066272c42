import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type MiddlewareArgs } from '../../src/index.js'
import { type WebhookDelivery, type WebhookSchemeName, webhook } from '../../src/webhooks/index.js'

describe('webhook() types', () => {
  it('puts the delivery on the context, typed', () => {
    createHandler()
      .use(webhook({ scheme: 'github', secrets: [process.env.GITHUB_WEBHOOK_SECRET, process.env.GITHUB_WEBHOOK_SECRET_OLD] }))
      .post(({ webhook: delivery }) => {
        expectTypeOf(delivery).toEqualTypeOf<WebhookDelivery>()
        expectTypeOf(delivery.scheme).toEqualTypeOf<WebhookSchemeName>()
        expectTypeOf(delivery.timestamp).toEqualTypeOf<Date | undefined>()
        return null
      })
  })

  it('takes a secret, a list, or a function, and only known schemes', () => {
    webhook({ scheme: 'stripe', secrets: process.env.STRIPE_WEBHOOK_SECRET })
    webhook({ scheme: 'standard-webhooks', secrets: async () => ['whsec_a', 'whsec_b'] })
    // @ts-expect-error: not a scheme
    webhook({ scheme: 'svix', secrets: 'x' })
    // @ts-expect-error: `secrets` is required
    webhook({ scheme: 'stripe' })
  })

  it('offers rawBody() to every middleware, and media types in accepts', () => {
    expectTypeOf<MiddlewareArgs<{}>['rawBody']>().toEqualTypeOf<() => Promise<Uint8Array>>()
    createHandler().post({ body: z.string(), accepts: ['text', 'application/xml'] }, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<string>()
      return null
    })
    // @ts-expect-error: neither a format nor a media type
    createHandler().post({ body: z.string(), accepts: ['xml'] }, () => null)
  })
})
