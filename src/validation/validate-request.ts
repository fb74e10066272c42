import { HttpError } from '../core/http-error.js'
import { headerRecord, parseQuery } from '../core/request-parts.js'
import type { RawParams } from '../core/types.js'
import { RequestView } from '../core/request-view.js'
import { type BodyLimits, readBody, type ReadBody } from '../body/read-body.js'
import type { RouteSpec } from './route-spec.js'
import type { StandardResult, StandardSchemaV1 } from './standard-schema.js'
import { type RequestPart, toValidationIssues, validationError, type ValidationIssue } from './validation-error.js'

export interface ValidationSettings extends BodyLimits {
  /** Status for a well-formed body that fails its schema. */
  invalidBodyStatus: 400 | 422
}

type Result = StandardResult<unknown>

// The parts validated together before the body, in the order their issues are listed.
const headParts = ['params', 'query', 'headers'] as const
type HeadPart = (typeof headParts)[number]

function isPromise(value: unknown): value is PromiseLike<Result> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function'
}

/**
 * What a part's schema is given. An empty query value (`?limit=`) counts
 * as absent, so that `z.coerce.number()` does not make it `0`: the schema's
 * own rule for a missing value (required, default, optional) decides.
 */
function inputOf(part: HeadPart, req: RequestView, params: RawParams): unknown {
  if (part === 'params') return params
  if (part === 'query') return parseQuery(req.url, true)
  return headerRecord(req.headers)
}

/** Puts a passing part into `into`, or its issues onto `issues` (made on the first). */
function record(
  part: RequestPart,
  result: Result,
  into: Record<string, unknown>,
  issues: ValidationIssue[] | undefined,
): ValidationIssue[] | undefined {
  if (!result.issues) {
    into[part] = result.value
    return issues
  }
  const found = toValidationIssues(part, result.issues)
  if (issues === undefined) return found
  issues.push(...found)
  return issues
}

/**
 * Validates params, query and headers together (one 400 lists every issue
 * among them), then, only if those pass, reads and validates the body.
 * Each validated part is assigned to `into`, in that order; parts without a
 * schema are left alone. Returns `undefined` when all of it was done at
 * once (no body or one the host held whole, schemas that answer
 * synchronously, as zod's do), so the common GET, and a small POST on the
 * Pages Router, pay for no promise; otherwise a promise of the rest. Throws
 * (or rejects with) the validation problem.
 */
export function validateInto(
  spec: RouteSpec,
  req: RequestView,
  params: RawParams,
  settings: ValidationSettings,
  into: Record<string, unknown>,
  limits?: BodyLimits,
): Promise<void> | undefined {
  let issues: ValidationIssue[] | undefined
  for (let i = 0; i < headParts.length; i++) {
    const part = headParts[i]!
    const schema = spec[part]
    if (schema === undefined) continue
    const result = (schema as StandardSchemaV1)['~standard'].validate(inputOf(part, req, params))
    if (isPromise(result)) return finish(spec, req, params, settings, into, limits, i, result, issues)
    issues = record(part, result, into, issues)
  }
  if (issues !== undefined) throw validationError(400, issues)
  return spec.body === undefined ? undefined : validateBody(spec, req, settings, into, limits)
}

/** The rest of {@link validateInto} once a schema answered with a promise. */
async function finish(
  spec: RouteSpec,
  req: RequestView,
  params: RawParams,
  settings: ValidationSettings,
  into: Record<string, unknown>,
  limits: BodyLimits | undefined,
  index: number,
  pending: PromiseLike<Result>,
  issues: ValidationIssue[] | undefined,
): Promise<void> {
  issues = record(headParts[index]!, await pending, into, issues)
  for (let i = index + 1; i < headParts.length; i++) {
    const part = headParts[i]!
    const schema = spec[part]
    if (schema === undefined) continue
    issues = record(part, await (schema as StandardSchemaV1)['~standard'].validate(inputOf(part, req, params)), into, issues)
  }
  if (issues !== undefined) throw validationError(400, issues)
  if (spec.body !== undefined) await validateBody(spec, req, settings, into, limits)
}

/** Reads and validates the body; `undefined` when both were done at once. */
function validateBody(
  spec: RouteSpec,
  req: RequestView,
  settings: ValidationSettings,
  into: Record<string, unknown>,
  limits: BodyLimits | undefined,
): Promise<void> | undefined {
  const body = readBody(req, limits ?? { ...settings, bodyLimit: spec.bodyLimit ?? settings.bodyLimit, accepts: spec.accepts })
  if (body instanceof Promise) return body.then((read) => checkBody(spec, read, settings, into))
  return checkBody(spec, body, settings, into)
}

function checkBody(spec: RouteSpec, body: ReadBody, settings: ValidationSettings, into: Record<string, unknown>): Promise<void> | undefined {
  const validated = (spec.body as StandardSchemaV1)['~standard'].validate(body.present ? body.value : undefined)
  if (isPromise(validated)) return Promise.resolve(validated).then((result) => assignBody(result, body, settings, into))
  assignBody(validated, body, settings, into)
  return undefined
}

function assignBody(result: Result, body: ReadBody, settings: ValidationSettings, into: Record<string, unknown>): void {
  if (result.issues) {
    if (!body.present) throw HttpError.badRequest('This request needs a body.', { code: 'body_required' })
    throw validationError(settings.invalidBodyStatus, toValidationIssues('body', result.issues))
  }
  into.body = result.value
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
  await validateInto(spec, new RequestView(req), params, settings, parts)
  return parts
}
