// The example app's webhook routes over `next start`: Stripe's on the App
// Router's Edge runtime, GitHub's on the Pages Router, each signed by the
// provider's own library.
import { sign } from '@octokit/webhooks-methods'
import Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { githubWebhookSecret, stripeWebhookSecret } from '../../examples/next-app/lib/webhook-secrets.js'
import { call } from './client.js'

const stripe = new Stripe('sk_test_routekit')
const now = () => Math.floor(Date.now() / 1000)

function stripeEvent(): string {
  return JSON.stringify({ id: `evt_${crypto.randomUUID()}`, type: 'invoice.paid', created: now(), data: { object: { id: 'in_1' } } })
}

function toStripe(payload: string, signature: string, contentType = 'application/json') {
  return call('POST', '/api/webhooks/stripe', { headers: { 'content-type': contentType, 'stripe-signature': signature }, body: payload })
}

describe('the Stripe webhook route (App Router, Edge runtime)', () => {
  it('accepts a delivery Stripe signed, and refuses it the second time', async () => {
    const payload = stripeEvent()
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: stripeWebhookSecret })
    const answer = await toStripe(payload, signature)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ received: 'invoice.paid' })
    const replay = await toStripe(payload, signature)
    expect(replay.status).toBe(400)
    expect(replay.json().code).toBe('webhook_replayed')
  })

  it('refuses a tampered body, an old timestamp and a wrong media type', async () => {
    const payload = stripeEvent()
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: stripeWebhookSecret })
    const tampered = await toStripe(payload.replace('invoice.paid', 'invoice.voided'), signature)
    expect([tampered.status, tampered.json().code]).toEqual([401, 'webhook_signature_invalid'])
    expect(tampered.headers.get('content-type')).toBe('application/problem+json')
    expect(tampered.text).not.toContain(stripeWebhookSecret)
    const old = stripe.webhooks.generateTestHeaderString({ payload, secret: stripeWebhookSecret, timestamp: now() - 600 })
    expect((await toStripe(payload, old)).json().code).toBe('webhook_timestamp_outside_tolerance')
    const text = await toStripe(payload, signature, 'text/plain')
    expect([text.status, text.json().code]).toEqual([415, 'unsupported_media_type'])
  })
})

describe('the GitHub webhook route (Pages Router, bodyParser off)', () => {
  async function toGithub(payload: string, signature?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': 'ping', 'x-github-delivery': crypto.randomUUID() }
    if (signature !== undefined) headers['x-hub-signature-256'] = signature
    return call('POST', '/api/webhooks/github', { headers, body: payload })
  }

  it('accepts a delivery GitHub signed, and refuses its replay', async () => {
    const payload = JSON.stringify({ zen: `Keep it logically awesome. ${crypto.randomUUID()}`, repository: { full_name: 'octo/repo' } })
    const signature = await sign(githubWebhookSecret, payload)
    const answer = await toGithub(payload, signature)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ event: 'ping', repository: 'octo/repo' })
    // A new X-GitHub-Delivery (unsigned) does not make a replay new.
    expect((await toGithub(payload, signature)).json().code).toBe('webhook_replayed')
  })

  it('refuses an unsigned delivery, a wrong signature and a body over 1 MiB', async () => {
    const payload = JSON.stringify({ zen: 'x' })
    const unsigned = await toGithub(payload)
    expect([unsigned.status, unsigned.json().code]).toEqual([401, 'webhook_signature_missing'])
    const wrong = await toGithub(payload, await sign('another-secret', payload))
    expect([wrong.status, wrong.json().code]).toEqual([401, 'webhook_signature_invalid'])
    const big = JSON.stringify({ zen: 'x'.repeat(1024 * 1024) })
    const tooLarge = await toGithub(big, await sign(githubWebhookSecret, big))
    expect([tooLarge.status, tooLarge.json().code]).toEqual([413, 'body_too_large'])
  })
})
