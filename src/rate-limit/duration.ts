import { configError } from '../core/options.js'

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * A window length: milliseconds, or a number with a unit (`'30s'`, `'1m'`, `'1h'`, `'1d'`).
 *
 * @example
 * ```ts
 * rateLimit({ key, limit: 5, window: '15m' })
 * rateLimit({ key, limit: 5, window: 900_000 }) // the same, in milliseconds
 * ```
 */
export type Duration = number | `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`

/**
 * Milliseconds in a window, checked when the limiter is created: a typo
 * must fail at start-up, not turn into a limiter that never resets.
 */
export function durationToMs(value: Duration, name: string): number {
  const match = typeof value === 'string' ? /^(\d+)(?:\.(\d+))?\s*(ms|s|m|h|d)$/.exec(value.trim()) : null
  const ms = typeof value === 'number' ? value : match ? decimalTimes(match[1]!, match[2] ?? '', units[match[3]!]!) : Number.NaN
  if (!Number.isInteger(ms) || ms < 1) {
    throw configError('routekit/rate-limit', `\`${name}\` must be a whole number of milliseconds (1 or more) or a duration such as '1m'; got ${JSON.stringify(value)}.`)
  }
  return ms
}

/**
 * `whole.fraction × unit`, exact whenever the result is a whole number:
 * `4.1 * 60_000` is 245999.99999999997, but 41 × 60,000 / 10 is 246,000.
 */
function decimalTimes(whole: string, fraction: string, unit: number): number {
  return (Number(whole + fraction) * unit) / 10 ** fraction.length
}
