import { HttpError } from '../core/http-error.js'
import { headerRecord, parseQuery } from '../core/request-parts.js'
import type { RawParams, RawQuery } from '../core/types.js'
import { type BodyLimits, readBody } from '../body/read-body.js'
import type { RouteSpec } from './route-spec.js'
import { runSchema } from './standard-schema.js'
import { type RequestPart, toValidationIssues, validationError, type ValidationIssue } from './validation-error.js'

export interface ValidationSettings extends BodyLimits {
  /** Status for a well-formed body that fails its schema. */
  invalidBodyStatus: 400 | 422
}

/**
 * `?limit=` must not become `0` through `z.coerce.number()`: a key whose
 * every value is empty counts as absent, so the schema's own rule for a
 * missing value (required, default, optional) decides.
 */
function withoutEmptyValues(query: RawQuery): RawQuery {
  const kept: RawQuery = {}
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value) ? value.some((item) => item !== '') : value !== '') kept[key] = value
  }
  return kept
}

/**
 * Validates params, query and headers together (one 400 lists every issue
 * among them), then, only if those pass, reads and validates the body.
 * Returns the validated parts; parts without a schema are left out.
 */
export async function validateRequest(
  spec: RouteSpec,
  req: Request,
  params: RawParams,
  settings: ValidationSettings,
): Promise<Partial<Record<RequestPart, unknown>>> {
  const parts: Partial<Record<RequestPart, unknown>> = {}
  const issues: ValidationIssue[] = []
  const check = async (part: RequestPart, value: unknown) => {
    const result = await runSchema(spec[part]!, value)
    if (result.issues) issues.push(...toValidationIssues(part, result.issues))
    else parts[part] = result.value
  }
  if (spec.params) await check('params', params)
  if (spec.query) await check('query', withoutEmptyValues(parseQuery(req.url)))
  if (spec.headers) await check('headers', headerRecord(req.headers))
  if (issues.length > 0) throw validationError(400, issues)

  if (spec.body) {
    const body = await readBody(req, { ...settings, bodyLimit: spec.bodyLimit ?? settings.bodyLimit, accepts: spec.accepts })
    const result = await runSchema(spec.body, body.present ? body.value : undefined)
    if (result.issues) {
      if (!body.present) throw HttpError.badRequest('This request needs a body.', { code: 'body_required' })
      throw validationError(settings.invalidBodyStatus, toValidationIssues('body', result.issues))
    }
    parts.body = result.value
  }
  return parts
}
