import { expect } from 'vitest'
import type { Received } from '../routers.js'

/**
 * Asserts an RFC 9457 answer: the exact status, `application/problem+json`,
 * a body with `type`, `title` and `status`, the stable `code`, and each
 * named header exactly.
 */
export function expectProblem(
  answer: Received,
  status: number,
  expected: { code?: string; headers?: Record<string, string | null> } = {},
): Record<string, unknown> {
  expect(answer.status).toBe(status)
  expect(answer.headers.get('content-type')).toBe('application/problem+json')
  const body = answer.json()
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status })
  if (expected.code !== undefined) expect(body.code).toBe(expected.code)
  for (const [name, value] of Object.entries(expected.headers ?? {})) expect(answer.headers.get(name), name).toBe(value)
  return body
}
