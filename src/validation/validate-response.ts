import { HttpError } from '../core/http-error.js'
import { isResponse } from '../core/is-response.js'
import type { RouteSpec } from './route-spec.js'
import { runSchema } from './standard-schema.js'
import { toValidationIssues } from './validation-error.js'

/** The status a handler's result will be sent with, and its JSON as the client will see it. */
async function sentForm(result: unknown): Promise<{ status: number; json: () => Promise<unknown> }> {
  if (isResponse(result)) return { status: result.status, json: () => result.clone().json() }
  if (result === undefined) return { status: 204, json: async () => undefined }
  // Checked after a JSON round trip: a Date the schema accepts reaches the client as a string.
  return { status: 200, json: async () => JSON.parse(JSON.stringify(result)) }
}

/**
 * Development-only check of a handler's result against the schema declared
 * for its status. A mismatch is a 500 whose detail names each path, so the
 * contract breaks loudly on a developer's machine instead of in a client.
 */
export async function validateResponse(responses: NonNullable<RouteSpec['responses']>, result: unknown): Promise<void> {
  const { status, json } = await sentForm(result)
  const schema = responses[status]
  if (schema === undefined) return
  let body: unknown
  try {
    body = await json()
  } catch {
    throw HttpError.internal(`The ${status} response is not JSON, but a schema is declared for it.`)
  }
  const outcome = await runSchema(schema, body)
  if (!outcome.issues) return
  const where = toValidationIssues('body', outcome.issues)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
  throw HttpError.internal(`The ${status} response does not match its schema at ${where}`)
}
