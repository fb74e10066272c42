import type { DescribedHeader, RouteDescription } from '../core/describe.js'
import { isSafeMethod } from '../csrf/same-origin.js'
import type { StandardSchemaV1 } from '../validation/standard-schema.js'
import type { SchemaCollector } from './json-schema.js'
import { problemResponse, problemResponseName } from './problems.js'

const successPhrases: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' }

/**
 * The problem statuses a route can answer with: 500 always, what its
 * middleware describe, what its spec implies (validation, body reading),
 * its handler settings (a timeout's 503) and what it declares it throws.
 */
export function problemStatuses(route: RouteDescription): number[] {
  const { spec } = route
  const statuses = new Set<number>([500, ...(spec.errors ?? [])])
  // Statuses only unsafe methods can meet, like a same-origin check's 403.
  const unsafe = !isSafeMethod(route.method)
  for (const layer of route.middleware) {
    for (const status of layer.statuses ?? []) statuses.add(status)
    if (unsafe) for (const status of layer.unsafeMethodStatuses ?? []) statuses.add(status)
  }
  if (spec.params || spec.query || spec.headers) statuses.add(400)
  if (spec.body) for (const status of [400, route.invalidBodyStatus, 413, 415]) statuses.add(status)
  if (route.timeout) statuses.add(503)
  return [...statuses].sort((a, b) => a - b)
}

/** The headers the route's middleware add to an answer with this status (`2XX` for the catch-all success). */
function headersFor(route: RouteDescription, status: string): Record<string, unknown> {
  const headers: Record<string, unknown> = {}
  for (const layer of route.middleware) {
    for (const [name, { statuses, ...header }] of Object.entries(layer.headers ?? {}) as [string, DescribedHeader][]) {
      if (statuses === undefined || statuses.map(String).includes(status)) headers[name] = header
    }
  }
  return headers
}

const withHeaders = (response: Record<string, unknown>, headers: Record<string, unknown>): Record<string, unknown> =>
  Object.keys(headers).length === 0 ? response : { ...response, headers: { ...(response.headers as object), ...headers } }

/**
 * An operation's Responses Object: the route's declared schemas as JSON,
 * then every problem status as problem+json. A problem is a reference to
 * the shared response of its status (collected in `used`), unless the
 * route's middleware add headers to it: a reference cannot carry them, so
 * that one is written out.
 */
export function responsesOf(route: RouteDescription, used: Set<number>, schemas: SchemaCollector): Record<string, unknown> {
  const responses: Record<string, unknown> = {}
  const declared = Object.entries(route.spec.responses ?? {}) as [string, StandardSchemaV1][]
  for (const [status, schema] of declared) {
    const code = Number(status)
    const description = successPhrases[code] ?? `Status ${code}.`
    const response = code === 204 || code === 304
      ? { description }
      : { description, content: { 'application/json': { schema: schemas.convert(schema, 'output') } } }
    responses[status] = withHeaders(response, headersFor(route, status))
  }
  if (!declared.some(([status]) => status.startsWith('2'))) {
    responses['2XX'] = withHeaders({ description: 'Success. The route declares no response schema.' }, headersFor(route, '2XX'))
  }
  for (const status of problemStatuses(route)) {
    if (String(status) in responses) continue // a route's own schema for an error status wins
    const headers = headersFor(route, String(status))
    if (Object.keys(headers).length > 0) {
      responses[String(status)] = problemResponse(status, headers)
      continue
    }
    responses[String(status)] = { $ref: `#/components/responses/${problemResponseName(status)}` }
    used.add(status)
  }
  return responses
}
