/**
 * A secret option: the value itself, or a function that returns it (from a
 * secret manager, or `process.env` read at request time).
 *
 * Next evaluates route modules during `next build`, when run-time secrets are
 * usually absent, so `secret: process.env.JWT_SECRET!` is `undefined` there.
 * Factories therefore never fail on a missing secret value: they check the
 * shape of their options at creation and resolve the value on the first
 * request that needs it.
 */
export type SecretOption<T> = T | (() => T | undefined | Promise<T | undefined>)

/**
 * A secret that was still missing when a request needed it: a deployment
 * mistake, answered as a 500 whose `onError` report (this error) names the
 * option. Its message never reaches a production response.
 */
export class MissingSecretError extends Error {
  override readonly name = 'MissingSecretError'
}

/** A secret, turned into what a middleware uses (imported keys, a sealer) once it is known. */
export interface DeferredSecret<R> {
  /** The prepared value, once known; `undefined` until the first successful resolution. */
  readonly current: R | undefined
  /** Resolves (once, then cached) and prepares the secret; rejects with MissingSecretError while it is missing. */
  get(): Promise<R>
}

/**
 * Wraps one secret option. A value given at creation is prepared at once,
 * so a mistake in it (a short secret) still throws when the middleware is
 * created. `undefined` or a function is resolved on the first `get()`; a
 * failed resolution is not cached, so the next request tries again.
 */
export function deferredSecret<T, R>(
  where: string,
  option: string,
  given: SecretOption<T> | undefined,
  prepare: (value: T) => R,
): DeferredSecret<R> {
  let current: R | undefined
  let pending: Promise<R> | undefined
  // An empty string is a variable that exists but was never filled in (a
  // Docker build argument left unset): as missing as undefined.
  const missing = given === undefined || given === ''
  if (!missing && typeof given !== 'function') current = prepare(given)

  const resolve = async (): Promise<R> => {
    if (missing) {
      throw new MissingSecretError(
        `${where}: \`${option}\` is ${given === '' ? 'an empty string' : 'undefined'}. It was read when the middleware was created (at module scope, ` +
          'perhaps during `next build`) and was not set then; set it in the run-time environment, or pass a ' +
          `function that returns it (\`${option}: () => process.env.NAME\`).`,
      )
    }
    const value = await (given as () => T | undefined | Promise<T | undefined>)()
    if (value === undefined || value === null || value === '') {
      throw new MissingSecretError(`${where}: the \`${option}\` function returned ${value === '' ? 'an empty string' : String(value)}.`)
    }
    return prepare(value)
  }

  return {
    get current() {
      return current
    },
    get() {
      if (current !== undefined) return Promise.resolve(current)
      pending ??= resolve().then(
        (prepared) => (current = prepared),
        (error: unknown) => {
          pending = undefined
          throw error
        },
      )
      return pending
    },
  }
}
