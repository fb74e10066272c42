import { HttpError } from '../core/http-error.js'
import type { StandardIssue } from './standard-schema.js'

/**
 * The part of the request a validation issue was found in.
 *
 * @example
 * ```ts
 * // Each entry of a 400/422 problem's errors[] names the part it was found in
 * const { errors } = (await response.json()) as { errors: { in: RequestPart; message: string }[] }
 * const queryErrors = errors.filter((issue) => issue.in === 'query')
 * ```
 */
export type RequestPart = 'params' | 'query' | 'headers' | 'body'

/**
 * One entry of a validation problem's `errors` member.
 *
 * @example
 * ```ts
 * const { errors } = (await response.json()) as { errors: ValidationIssue[] }
 * for (const e of errors) form.setError(e.path.join('.'), e.message)
 * ```
 */
export interface ValidationIssue {
  in: RequestPart
  /** Keys from the part's root to the offending value; `[]` for the part itself. */
  path: (string | number)[]
  message: string
  /** The schema library's issue code where it has one (zod: `invalid_type`, `too_big`, ...). */
  code: string
}

function pathOf(issue: StandardIssue): (string | number)[] {
  return (issue.path ?? []).map((segment) => {
    const key = typeof segment === 'object' && segment !== null ? segment.key : segment
    return typeof key === 'number' ? key : String(key)
  })
}

/** Converts a schema library's issues into routekit's `errors` entries. */
export function toValidationIssues(part: RequestPart, issues: ReadonlyArray<StandardIssue>): ValidationIssue[] {
  return issues.map((issue) => {
    const code = (issue as { code?: unknown }).code
    return { in: part, path: pathOf(issue), message: issue.message, code: typeof code === 'string' ? code : 'invalid' }
  })
}

/**
 * A problem listing every issue found. Messages come from the schema
 * library and describe expectations, not the rejected values, so nothing
 * the client sent (a password, a token) is echoed back.
 */
export function validationError(status: 400 | 422, issues: ValidationIssue[]): HttpError {
  const parts = [...new Set(issues.map((issue) => issue.in))].join(', ')
  return new HttpError(status, {
    code: 'validation_failed',
    detail: `The request ${parts} did not match the expected shape.`,
    extensions: { errors: issues },
  })
}
