import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, HttpError, type RequestHandler } from '../../src/index.js'
import { webhook, type WebhookOptions } from '../../src/webhooks/index.js'
import { routers, send, type Router } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'
import { type Provider, providers } from './providers.js'

const Event = z.object({ id: z.string(), type: z.string() })
const json = { 'content-type': 'application/json' }

function eventPayload(): string {
  return JSON.stringify({ id: `evt_${crypto.randomUUID()}`, type: 'invoice.paid' })
}

function receiver(provider: Provider, options: Partial<WebhookOptions> = {}, bodyLimit?: number): RequestHandler {
  return createHandler()
    .use(webhook({ scheme: provider.scheme, secrets: [provider.secrets[0]], ...options }))
    .post({ body: Event, ...(bodyLimit === undefined ? {} : { bodyLimit }) }, ({ body, webhook: delivery }) => ({
      type: body.type,
      scheme: delivery.scheme,
    }))
}

async function deliver(router: Router, handler: RequestHandler, headers: Record<string, string>, payload: string, extra: Record<string, string> = json) {
  return send(router, handler, { method: 'POST', path: '/api/webhooks', headers: { ...extra, ...headers }, body: payload })
}

/** No refusal may carry a secret or a signature, whatever it says. */
function expectNothingSecret(text: string, provider: Provider, headers: Record<string, string>) {
  for (const secret of provider.secrets) expect(text).not.toContain(secret)
  for (const value of Object.values(headers)) {
    for (const part of value.split(/[,= ]/)) if (part.length >= 16) expect(text).not.toContain(part)
  }
}

describe.each(providers)('webhook({ scheme: $scheme })', (provider) => {
  describe.each(routers)('on the %s router', (router) => {
    it("accepts the provider library's signature, then validates the body with the route's schema", async () => {
      const handler = receiver(provider)
      const payload = eventPayload()
      const answer = await deliver(router, handler, await provider.sign(payload, provider.secrets[0]), payload)
      expect(answer.status).toBe(200)
      expect(answer.json()).toEqual({ type: 'invoice.paid', scheme: provider.scheme })
    })

    it('refuses a tampered body with 401 and a challenge, echoing nothing secret', async () => {
      const payload = eventPayload()
      const headers = await provider.sign(payload, provider.secrets[0])
      const answer = await deliver(router, receiver(provider), headers, payload.replace('invoice.paid', 'invoice.void'))
      expectProblem(answer, 401, { code: 'webhook_signature_invalid', headers: { 'www-authenticate': `Signature scheme="${provider.scheme}"` } })
      expectNothingSecret(answer.text, provider, headers)
    })

    it('refuses a tampered signature with 401', async () => {
      const payload = eventPayload()
      const headers = provider.tamperSignature(await provider.sign(payload, provider.secrets[0]))
      const answer = await deliver(router, receiver(provider), headers, payload)
      expectProblem(answer, 401, { code: 'webhook_signature_invalid' })
      expectNothingSecret(answer.text, provider, headers)
    })

    it.runIf(provider.tamperTimestamp !== undefined)('refuses a tampered timestamp with 401', async () => {
      const payload = eventPayload()
      const headers = provider.tamperTimestamp!(await provider.sign(payload, provider.secrets[0]))
      expectProblem(await deliver(router, receiver(provider), headers, payload), 401, { code: 'webhook_signature_invalid' })
    })

    it.runIf(provider.scheme !== 'github')('refuses a signature older than the tolerance (5 minutes), and one from too far ahead', async () => {
      const payload = eventPayload()
      const old = await provider.sign(payload, provider.secrets[0], Math.floor(Date.now() / 1000) - 301)
      const answer = await deliver(router, receiver(provider), old, payload)
      const problem = expectProblem(answer, 401, { code: 'webhook_timestamp_outside_tolerance' })
      expect(problem.detail).toBe('The webhook timestamp is more than 300 s from the current time.')
      const ahead = await provider.sign(payload, provider.secrets[0], Math.floor(Date.now() / 1000) + 301)
      expectProblem(await deliver(router, receiver(provider), ahead, payload), 401, { code: 'webhook_timestamp_outside_tolerance' })
      // Within a tolerance of its own.
      expect((await deliver(router, receiver(provider, { tolerance: 600 }), old, payload)).status).toBe(200)
    })

    it('refuses a replay of an accepted delivery with 400', async () => {
      const handler = receiver(provider)
      const payload = eventPayload()
      const headers = await provider.sign(payload, provider.secrets[0])
      expect((await deliver(router, handler, headers, payload)).status).toBe(200)
      expectProblem(await deliver(router, handler, headers, payload), 400, { code: 'webhook_replayed' })
      // Without a store, the handler is on its own.
      const unguarded = receiver(provider, { store: false })
      expect((await deliver(router, unguarded, headers, payload)).status).toBe(200)
      expect((await deliver(router, unguarded, headers, payload)).status).toBe(200)
    })

    it('accepts deliveries signed with any of the rotated secrets, and none other', async () => {
      const handler = createHandler()
        .use(webhook({ scheme: provider.scheme, secrets: [provider.secrets[1], undefined, provider.secrets[0]] }))
        .post({ body: Event }, ({ body }) => body.type)
      for (const secret of provider.secrets) {
        const payload = eventPayload()
        expect((await deliver(router, handler, await provider.sign(payload, secret), payload)).status).toBe(200)
      }
      const payload = eventPayload()
      const stranger = provider.scheme === 'standard-webhooks' ? `whsec_${btoa('someone-else-entirely-secret!!!')}` : 'whsec_someone_else'
      expectProblem(await deliver(router, handler, await provider.sign(payload, stranger), payload), 401, { code: 'webhook_signature_invalid' })
    })

    it("refuses a body over the route's limit with 413, before any signature is computed on it", async () => {
      const payload = JSON.stringify({ id: 'evt_big', type: 'x'.repeat(2000) })
      const headers = await provider.sign(payload, provider.secrets[0])
      expectProblem(await deliver(router, receiver(provider, {}, 1000), headers, payload), 413, { code: 'body_too_large' })
      // A chunked body (no Content-Length) is cut off while it streams.
      expectProblem(await deliver(router, receiver(provider, {}, 1000), headers, payload, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }), 413, {
        code: 'body_too_large',
      })
    })

    it('refuses a media type the route does not take with 415', async () => {
      const payload = eventPayload()
      const headers = await provider.sign(payload, provider.secrets[0])
      const answer = await deliver(router, receiver(provider), headers, payload, { 'content-type': 'text/plain' })
      expect(expectProblem(answer, 415, { code: 'unsupported_media_type' }).detail).toBe('Send application/json.')
    })

    it('refuses a request without a signature with 401, and unreadable signature headers with 400', async () => {
      const payload = eventPayload()
      expectProblem(await deliver(router, receiver(provider), {}, payload), 401, { code: 'webhook_signature_missing' })
      const signed = await provider.sign(payload, provider.secrets[0])
      expectProblem(await deliver(router, receiver(provider), { ...signed, [provider.signatureHeader]: 'garbage' }, payload), 400, { code: 'webhook_malformed' })
    })

    it("forgets a delivery the handler did not answer with a 2xx, so the provider's retry gets through", async () => {
      let calls = 0
      const handler = createHandler()
        .use(webhook({ scheme: provider.scheme, secrets: provider.secrets[0] }))
        .post({ body: Event }, () => {
          calls += 1
          if (calls === 1) throw HttpError.serviceUnavailable('Database down.')
          return { ok: true }
        })
      const payload = eventPayload()
      const headers = await provider.sign(payload, provider.secrets[0])
      expect((await deliver(router, handler, headers, payload)).status).toBe(503)
      expect((await deliver(router, handler, headers, payload)).status).toBe(200)
      expectProblem(await deliver(router, handler, headers, payload), 400, { code: 'webhook_replayed' })
      expect(calls).toBe(2)
    })

    it("answers a verified body that fails the route's schema with 422", async () => {
      const payload = JSON.stringify({ id: 7 })
      const answer = await deliver(router, receiver(provider), await provider.sign(payload, provider.secrets[0]), payload)
      expectProblem(answer, 422, { code: 'validation_failed' })
    })
  })
})
