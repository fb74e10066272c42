/** Shared test helpers: real Web Requests against a fake origin. */
export const origin = 'http://routekit.test'

export function request(method: string, path = '/api/items', init: RequestInit = {}): Request {
  return new Request(`${origin}${path}`, { ...init, method })
}

/** Reads a problem+json body, asserting its content type on the way. */
export async function problemOf(response: Response): Promise<Record<string, unknown>> {
  const type = response.headers.get('content-type')
  if (type !== 'application/problem+json') throw new Error(`expected problem+json, got ${type}`)
  return (await response.json()) as Record<string, unknown>
}
