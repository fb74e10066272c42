import { configError } from '../core/options.js'
import { acceptedMediaType, valueFormat } from '../body/formats.js'
import type { RouteDescription } from '../core/describe.js'
import type { RouteSpec } from '../validation/route-spec.js'
import type { StandardSchemaV1 } from '../validation/standard-schema.js'
import type { SchemaCollector } from './json-schema.js'
import type { DocumentedPath } from './paths.js'
import { responsesOf } from './responses.js'
import type { SecuritySchemes } from './security.js'
import type { JsonSchema, OpenApiOperation, OpenApiParameter } from './types.js'

// OpenAPI ignores header parameters by these names: the security
// requirement and the request body's media types describe them.
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization'])

interface Tools {
  schemas: SchemaCollector
  security: SecuritySchemes
}

/** An object schema's properties and required names, or none for any other schema. */
function propertiesOf(schema: StandardSchemaV1 | undefined, tools: Tools): [string, JsonSchema, boolean][] {
  if (schema === undefined) return []
  const converted = tools.schemas.resolve(tools.schemas.convert(schema, 'input'), 'input')
  const properties = (converted.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set(Array.isArray(converted.required) ? (converted.required as string[]) : [])
  return Object.entries(properties).map(([name, property]) => [name, property, required.has(name)])
}

function parameter(name: string, where: OpenApiParameter['in'], schema: JsonSchema, required: boolean): OpenApiParameter {
  const description = typeof schema.description === 'string' ? schema.description : undefined
  return { name, in: where, required, ...(description === undefined ? {} : { description }), schema }
}

/**
 * Whether a body schema refuses a request without a body, as the route then
 * answers 400. Only a synchronous answer can be read here (generation is
 * synchronous); an async schema is taken to need its body.
 */
function needsBody(schema: StandardSchemaV1): boolean {
  let result: ReturnType<StandardSchemaV1['~standard']['validate']>
  try {
    result = schema['~standard'].validate(undefined)
  } catch {
    return true
  }
  if (result instanceof Promise) {
    result.catch(() => {})
    return true
  }
  return result.issues !== undefined
}

/**
 * Path parameters come from the path itself, typed by the params schema
 * where it names them; a schema property the path lacks could never
 * arrive, so it is reported as the mistake it is.
 */
function pathParameters(route: RouteDescription, path: DocumentedPath, tools: Tools): OpenApiParameter[] {
  const declared = new Map(propertiesOf(route.spec.params, tools).map(([name, schema]) => [name, schema]))
  for (const name of declared.keys()) {
    if (!path.params.some((param) => param.name === name)) {
      throw configError('routekit/openapi', `the ${route.method} params schema names "${name}", which the path ${path.path} does not have.`)
    }
  }
  return path.params.map(({ name, catchAll }) => {
    const schema = declared.get(name) ?? (catchAll ? { type: 'string', description: 'One or more path segments, separated by `/`.' } : { type: 'string' })
    return parameter(name, 'path', schema, true)
  })
}

/**
 * The headers schema's properties. routekit validates headers as a record
 * with lower-case names, so a property like `X-Trace` could never be
 * satisfied: documenting it would promise a header the route refuses.
 */
function headerProperties(route: RouteDescription, tools: Tools): [string, JsonSchema, boolean][] {
  const properties = propertiesOf(route.spec.headers, tools)
  for (const [name] of properties) {
    if (name !== name.toLowerCase()) {
      throw configError(
        'routekit/openapi', `the ${route.method} headers schema names "${name}", but header names arrive lower-case: write "${name.toLowerCase()}".`,
      )
    }
  }
  return properties
}

/**
 * One route as an Operation Object. `used` collects the problem statuses
 * referenced, so the document defines only those responses.
 */
function bodyContent(spec: RouteSpec, tools: Tools): Record<string, { schema?: JsonSchema }> {
  let schema: JsonSchema | undefined
  return Object.fromEntries(
    (spec.accepts ?? ['json']).map((accept) => {
      // Bytes are not JSON: OpenAPI 3.1 describes a binary body by its media type alone (`{}`).
      if (valueFormat(accept) === 'bytes') return [acceptedMediaType(accept), {}]
      schema ??= tools.schemas.convert(spec.body!, 'input')
      return [acceptedMediaType(accept), { schema }]
    }),
  )
}

/** Request headers the route's middleware reads (a webhook's signature), unless the headers schema names them too. */
function middlewareHeaders(route: RouteDescription, declared: ReadonlySet<string>): OpenApiParameter[] {
  const seen = new Set(declared)
  return route.middleware.flatMap((layer) =>
    (layer.requestHeaders ?? []).flatMap(({ name, required, description, schema }) => {
      if (seen.has(name)) return []
      seen.add(name)
      return [{ name, in: 'header' as const, required, ...(description === undefined ? {} : { description }), schema: { ...schema } }]
    }),
  )
}

export function operationOf(route: RouteDescription, path: DocumentedPath, used: Set<number>, tools: Tools): OpenApiOperation {
  const { spec } = route
  const headers = headerProperties(route, tools)
  const parameters = [
    ...pathParameters(route, path, tools),
    ...propertiesOf(spec.query, tools).map(([name, schema, required]) => parameter(name, 'query', schema, required)),
    ...headers.filter(([name]) => !ignoredHeaders.has(name)).map(([name, schema, required]) => parameter(name, 'header', schema, required)),
    ...middlewareHeaders(route, new Set(headers.map(([name]) => name))),
  ]
  const security = tools.security.requirementsFor(route.middleware)
  const operation: OpenApiOperation = {
    ...(spec.operationId === undefined ? {} : { operationId: spec.operationId }),
    ...(spec.summary === undefined ? {} : { summary: spec.summary }),
    ...(spec.description === undefined ? {} : { description: spec.description }),
    ...(spec.tags === undefined ? {} : { tags: [...spec.tags] }),
    ...(spec.deprecated ? { deprecated: true } : {}),
    ...(parameters.length === 0 ? {} : { parameters }),
    // Exactly the media types the route accepts (JSON unless it says otherwise).
    ...(spec.body === undefined ? {} : { requestBody: { required: needsBody(spec.body), content: bodyContent(spec, tools) } }),
    responses: responsesOf(route, used, tools.schemas),
    // Explicit even when public (`[]`), so no one reads a missing list as
    // "inherits a global requirement" and linters need not guess.
    security: security ?? [],
  }
  return operation
}
