import type { RequestHandler } from './handler.js'
import { describeValue } from './options.js'

/**
 * Refuses, when a route module is loaded, anything that is not a routekit
 * handler. Without it `toAppRoute({})` is accepted and every request then
 * fails deep inside with `handler.handle is not a function`. Checked by
 * shape rather than `instanceof`, so a handler from another copy of
 * routekit (its CJS and ESM builds side by side) still counts.
 *
 * @example
 * ```ts
 * assertHandler('routekit/app: toAppRoute()', handler)
 * ```
 */
export function assertHandler(where: string, value: unknown): asserts value is RequestHandler {
  const candidate = value as Partial<RequestHandler> | null | undefined
  if (typeof candidate?.handle === 'function' && Array.isArray(candidate.allowedMethods)) return
  throw new TypeError(
    `${where} takes a routekit handler, made by createHandler() and its route methods (\`.get()\`, \`.post()\`, ...), but got ${whatItIs(value)}.`,
  )
}

function whatItIs(value: unknown): string {
  if (typeof value === 'function') return value.name ? `the function \`${value.name}\`` : 'a function'
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise (is an `await` missing?)'
    const keys = Object.keys(value).slice(0, 5)
    const kind = describeValue(value)
    return keys.length === 0 ? `${kind} with no properties` : `${kind} with the properties ${keys.map((key) => `\`${key}\``).join(', ')}`
  }
  return describeValue(value)
}
