import type { AnswersProblems } from '../core/route-types.js'
import { describeMiddleware } from '../core/describe.js'
import type { Middleware } from '../core/middleware.js'
import { checkOptionNames, configError, optionNames } from '../core/options.js'
import { githubScheme } from './github.js'
import { hmacSha256, timingSafeEqual, toHex } from './hmac.js'
import { replayed, signatureInvalid, timestampOutsideTolerance } from './refusals.js'
import type { WebhookScheme, WebhookSchemeName } from './scheme.js'
import { type WebhookSecrets, webhookKeys } from './secrets.js'
import { standardScheme } from './standard.js'
import { memoryWebhookStore, type WebhookStore } from './store.js'
import { stripeScheme } from './stripe.js'

/**
 * Options for {@link webhook}.
 *
 * @example
 * ```ts
 * const options: WebhookOptions = { scheme: 'standard-webhooks', secrets: process.env.WEBHOOK_SECRET, tolerance: 120 }
 * ```
 */
export interface WebhookOptions {
  /** Whose signatures: `'stripe'`, `'github'` or `'standard-webhooks'` (Svix and the services built on the specification). */
  scheme: WebhookSchemeName
  /** The signing secret, or several while rotating; resolved on the first delivery (see {@link WebhookSecrets}). */
  secrets: WebhookSecrets
  /** Seconds a signed timestamp may be from now, either way. Default 300. Not for GitHub, which signs no timestamp. */
  tolerance?: number
  /**
   * Where accepted deliveries are remembered, so a replay is refused:
   * default a {@link memoryWebhookStore} per middleware; use
   * {@link redisWebhookStore} with more than one instance. `false` turns
   * replay protection off (the handler is then idempotent by itself).
   */
  store?: WebhookStore | false
  /**
   * Seconds a delivery is remembered. Default twice the tolerance (a
   * replay older than that fails its timestamp anyway); for GitHub, which
   * has no timestamp, a day: a replay after that passes.
   */
  replayWindow?: number
}

const webhookOptionNames = optionNames<WebhookOptions>({ scheme: true, secrets: true, tolerance: true, store: true, replayWindow: true })
const schemes: Record<WebhookSchemeName, WebhookScheme> = { stripe: stripeScheme, github: githubScheme, 'standard-webhooks': standardScheme }

/**
 * What the handler learns about a verified delivery, on `ctx.webhook`.
 *
 * @example
 * ```ts
 * api.use(webhook({ scheme: 'github', secrets })).post(({ webhook: delivery }) => ({ event: delivery.event }))
 * ```
 */
export interface WebhookDelivery {
  scheme: WebhookSchemeName
  /** The delivery id: `webhook-id` (Standard Webhooks), `X-GitHub-Delivery` (GitHub, unsigned); Stripe's is the event's `id` in the body. */
  id: string | undefined
  /** When the delivery was signed (Stripe, Standard Webhooks). */
  timestamp: Date | undefined
  /** GitHub's `X-GitHub-Event` (unsigned). */
  event: string | undefined
}

function seconds(where: string, name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!(Number.isFinite(value) && value > 0)) throw configError(where, `\`${name}\` must be a number of seconds above 0.`)
  return value
}

/**
 * Verifies a signed webhook over the body's exact bytes (read once, with
 * the route's limits: the route's body schema then validates the same
 * bytes), then refuses replays. Missing, wrong or stale signatures are 401,
 * unreadable signature headers and replays 400; no refusal repeats a
 * secret or a signature. A delivery the handler does not answer with a 2xx
 * is forgotten again, so the provider's retry gets through.
 *
 * @example
 * ```ts
 * import { createHandler } from 'routekit'
 * import { webhook } from 'routekit/webhooks'
 * import { z } from 'zod'
 *
 * const StripeEvent = z.object({ id: z.string(), type: z.string(), data: z.object({ object: z.record(z.string(), z.unknown()) }) })
 * export const stripeEvents = createHandler()
 *   .use(webhook({ scheme: 'stripe', secrets: process.env.STRIPE_WEBHOOK_SECRET }))
 *   .post({ body: StripeEvent }, ({ body }) => ({ received: body.type }))
 * ```
 */
export function webhook(options: WebhookOptions): Middleware<{}, { webhook: WebhookDelivery }> & AnswersProblems<400 | 401> {
  const where = 'routekit/webhooks'
  checkOptionNames(where, options, webhookOptionNames, { secret: 'did you mean `secrets`? It takes one secret or an array' })
  const scheme = schemes[options.scheme]
  if (scheme === undefined) throw configError(where, "`scheme` is one of 'stripe', 'github', 'standard-webhooks'.")
  if (!scheme.timestamped && options.tolerance !== undefined) throw configError(where, 'GitHub signs no timestamp, so `tolerance` does not apply; `replayWindow` says how long deliveries are remembered.')
  const tolerance = seconds(where, 'tolerance', options.tolerance, 300)
  const windowMs = seconds(where, 'replayWindow', options.replayWindow, scheme.timestamped ? 2 * tolerance : 86_400) * 1000
  if (options.store !== undefined && options.store !== false && (typeof options.store?.claim !== 'function' || typeof options.store.release !== 'function')) {
    throw configError(where, '`store` has `claim(id, ttlMs)` and `release(id)` (memoryWebhookStore(), redisWebhookStore()), or is `false`.')
  }
  const store = options.store === undefined ? memoryWebhookStore() : options.store
  const keys = webhookKeys(where, scheme, options.secrets)

  const middleware: Middleware<{}, { webhook: WebhookDelivery }> = async ({ headers, rawBody, next }) => {
    // Headers and timestamp first: an unsigned or stale request costs no body read and no HMAC.
    // `headers`, not `req.headers`: on the Pages Router no Request is built for them.
    const signed = scheme.read(headers)
    if (signed.timestamp !== undefined && Math.abs(Date.now() / 1000 - signed.timestamp) > tolerance) {
      throw timestampOutsideTolerance(scheme.name, tolerance)
    }
    const hmacKeys = await keys()
    const content = signed.content(await rawBody())
    const expected = await Promise.all(hmacKeys.map((key) => hmacSha256(key, content)))
    if (!expected.some((mine) => signed.signatures.some((theirs) => timingSafeEqual(mine, theirs)))) throw signatureInvalid(scheme.name)

    // The signed id where there is one; else the HMAC under the first
    // secret, which any change to the signed bytes changes, and which
    // does not depend on which of several presented signatures matched.
    const id = `${scheme.name}:${signed.signedId ?? toHex(expected[0]!)}`
    if (store !== false && !(await store.claim(id, windowMs))) throw replayed()
    const delivery: WebhookDelivery = {
      scheme: scheme.name,
      id: signed.delivery.id,
      timestamp: signed.timestamp === undefined ? undefined : new Date(signed.timestamp * 1000),
      event: signed.delivery.event,
    }
    if (store === false) return next({ ctx: { webhook: delivery } })
    let handled = false
    try {
      const result = await next({ ctx: { webhook: delivery } })
      handled = result.response.status >= 200 && result.response.status < 300
      return result
    } finally {
      // A failed release only delays the retry until the window ends.
      if (!handled) await Promise.resolve(store.release(id)).catch(() => {})
    }
  }
  return describeMiddleware(middleware, {
    statuses: [400, 401, 413, 415],
    requestHeaders: scheme.headers.map((header) => ({ ...header, schema: { ...header.schema } })),
  })
}
