/**
 * Whether a value is a Fetch `Response`. `instanceof` alone misses responses
 * made in another realm (Next's Edge sandbox, a test environment's polyfill),
 * so the standard string tag is accepted too.
 */
export function isResponse(value: unknown): value is Response {
  return (
    value instanceof Response ||
    (typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Response]')
  )
}
