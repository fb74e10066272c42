import { configError, describeValue } from '../core/options.js'
import { deferredSecret, MissingSecretError } from '../core/secret.js'
import { importHmacKey } from './hmac.js'
import type { WebhookScheme } from './scheme.js'

/**
 * The signing secrets: one, or several while a secret is rotated (a
 * delivery signed with any of them passes). Entries that are `undefined`
 * or empty are skipped, so `[process.env.NEW, process.env.OLD]` keeps
 * working once the old variable is removed; at least one must be set when
 * the first delivery arrives. A function is called then, not at import.
 *
 * @example
 * ```ts
 * const secrets: WebhookSecrets = [process.env.STRIPE_WEBHOOK_SECRET, process.env.STRIPE_WEBHOOK_SECRET_PREVIOUS]
 * ```
 */
export type WebhookSecrets =
  | string
  | undefined
  | readonly (string | undefined)[]
  | (() => string | readonly (string | undefined)[] | undefined | Promise<string | readonly (string | undefined)[] | undefined>)

const present = (secret: string | undefined): secret is string => secret !== undefined && secret !== ''

/**
 * The secrets as HMAC keys, resolved no earlier than the first delivery
 * (so `next build` needs none) but checked for shape now. Keys are
 * imported once, when the secrets are first known.
 *
 * @example
 * ```ts
 * const keys = webhookKeys('routekit/webhooks', stripeScheme, [process.env.STRIPE_WEBHOOK_SECRET])
 * const hmacKeys = await keys() // on the first delivery
 * ```
 */
export function webhookKeys(where: string, scheme: WebhookScheme, option: WebhookSecrets): () => Promise<CryptoKey[]> {
  const isList = Array.isArray(option)
  if (isList ? option.length === 0 || option.some((entry) => entry !== undefined && typeof entry !== 'string') : !['string', 'undefined', 'function'].includes(typeof option)) {
    throw configError(where, `\`secrets\` is a secret string, an array of them, or a function returning either (got ${describeValue(option)}).`)
  }
  const decode = (value: string | readonly (string | undefined)[]): Uint8Array[] => {
    const list = (typeof value === 'string' ? [value] : value).filter(present)
    if (list.length === 0) {
      throw new MissingSecretError(`${where}: every entry of \`secrets\` is undefined or empty; set at least one in the run-time environment.`)
    }
    return list.map((secret) => {
      if (typeof secret !== 'string') throw configError(where, '`secrets` must be strings.')
      return scheme.secretBytes(secret, where)
    })
  }
  // A list with a missing entry is read when a delivery needs it, as a lone missing secret is.
  const given = isList && !(option as readonly (string | undefined)[]).every(present) ? () => option as readonly (string | undefined)[] : option
  const secret = deferredSecret(where, 'secrets', given as Parameters<typeof deferredSecret<string | readonly (string | undefined)[], Uint8Array[]>>[2], decode)
  let keys: Promise<CryptoKey[]> | undefined
  return async () => {
    const bytes = secret.current ?? (await secret.get())
    if (keys === undefined) {
      keys = Promise.all(bytes.map(importHmacKey))
      keys.catch(() => (keys = undefined)) // a failed import is tried again
    }
    return keys
  }
}
