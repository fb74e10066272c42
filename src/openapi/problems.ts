import { statusPhrase } from '../core/status.js'
import type { JsonSchema } from './types.js'

/** RFC 9457 problem details as routekit sends them (src/core/problem.ts). */
export const problemSchema: JsonSchema = {
  type: 'object',
  description: 'An RFC 9457 problem details object.',
  properties: {
    type: { type: 'string', format: 'uri-reference', description: 'The problem type; `about:blank` unless a route sets one.' },
    title: { type: 'string', description: 'The status phrase, or the problem type\'s short summary.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'A stable machine-readable code, such as `validation_failed` or `missing_token`.' },
    detail: { type: 'string', description: 'What went wrong this time. Left out of server errors in production.' },
    errors: {
      type: 'array',
      description: 'Every validation issue found (`code: validation_failed` only).',
      items: { $ref: '#/components/schemas/ValidationIssue' },
    },
  },
  required: ['type', 'title', 'status', 'code'],
}

/** One entry of a validation problem's `errors` (src/validation/validation-error.ts). */
export const validationIssueSchema: JsonSchema = {
  type: 'object',
  properties: {
    in: { type: 'string', enum: ['params', 'query', 'headers', 'body'] },
    path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'Keys from the part\'s root to the offending value.' },
    message: { type: 'string' },
    code: { type: 'string', description: 'The schema library\'s issue code, such as `invalid_type` or `too_big`.' },
  },
  required: ['in', 'path', 'message', 'code'],
}

/** Why each status routekit itself answers with happens, for the response's description. */
const reasons: Record<number, string> = {
  400: 'The request is malformed: its parameters fail their schemas (see `errors`), its body is not valid JSON, or a required body is missing.',
  401: 'Credentials are missing or invalid.',
  403: 'The credentials do not allow this, or a cookie-authenticated request came from another site.',
  413: 'The body is larger than the route accepts.',
  404: 'There is nothing at this address, or not with these parameters.',
  409: 'The request conflicts with the current state of the resource.',
  415: 'The body is not in a media type the operation accepts (see its request body), or it is compressed.',
  422: 'The body is well-formed but fails its schema (see `errors`).',
  429: 'Too many requests from this client; try again after `Retry-After` seconds.',
  500: 'An unexpected error; in production the problem says nothing more.',
  503: 'A dependency is unavailable (such as the key set that verifies tokens) or the request took too long. See `Retry-After`.',
}

const challengeHeader = {
  'WWW-Authenticate': { description: 'The authentication challenge (RFC 6750 for bearer tokens).', schema: { type: 'string' } },
}

/** The component name of a problem response: its status phrase in PascalCase (`ContentTooLarge`). */
export function problemResponseName(status: number): string {
  return statusPhrase(status).replace(/(?:^|\W+)(\w)/g, (_, letter: string) => letter.toUpperCase())
}

/**
 * The problem schema of one status: the shared Problem with its `status`
 * fixed, so a client (and a mock server) knows a 404's body says 404.
 */
export function problemSchemaFor(status: number): JsonSchema {
  return {
    allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { status: { const: status } } }],
  }
}

/**
 * A problem+json Response Object for a status: shared under
 * `components.responses`, or written into an operation whose middleware
 * add `headers` (a reference cannot carry headers of its own).
 */
export function problemResponse(status: number, headers: Record<string, unknown> = {}): Record<string, unknown> {
  const all = { ...(status === 401 ? challengeHeader : {}), ...headers }
  return {
    description: reasons[status] ?? statusPhrase(status),
    ...(Object.keys(all).length === 0 ? {} : { headers: all }),
    content: { 'application/problem+json': { schema: problemSchemaFor(status) } },
  }
}
