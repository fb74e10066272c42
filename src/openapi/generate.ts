import { configError, checkOptionNames, optionNames } from '../core/options.js'
import type { RouteDescription } from '../core/describe.js'
import { SchemaCollector } from './json-schema.js'
import { operationOf } from './operation.js'
import { documentedPath } from './paths.js'
import { problemResponse, problemResponseName, problemSchema, validationIssueSchema } from './problems.js'
import { SecuritySchemes } from './security.js'
import type { OpenApiDocument, OpenApiInfo, OpenApiOperation, OpenApiServer, OpenApiTag } from './types.js'

/**
 * Anything that lists its routes: a routekit `Handler`, from any copy of routekit.
 *
 * @example
 * ```ts
 * // A handler, not its route exports: generateOpenApi reads its routes
 * const routes: Record<string, DocumentedHandler> = { '/api/notes': notesHandler }
 * ```
 */
export interface DocumentedHandler {
  readonly routes: readonly RouteDescription[]
}

/**
 * Options for {@link generateOpenApi}.
 *
 * @example
 * ```ts
 * export const openApiDocument = generateOpenApi({
 *   info: { title: 'Notes API', version: '1.0.0' },
 *   servers: [{ url: 'https://notes.example.com' }],
 *   tags: [{ name: 'notes', description: 'Notes, by user.' }],
 *   routes: { '/api/notes': notesHandler, '/api/notes/[id]': noteHandler },
 * })
 * ```
 */
export interface GenerateOpenApiOptions {
  info: OpenApiInfo
  /**
   * Where the API is served. Default `[{ url: '/' }]`: the paths are
   * relative to wherever the document itself is served from, as Next.js
   * serves both from one origin.
   */
  servers?: OpenApiServer[]
  /** Tag descriptions, in the order documentation tools should show them. */
  tags?: OpenApiTag[]
  /**
   * Each path and the handler mounted there. Paths may be written as
   * Next.js files name them (`/api/notes/[id]`, `/api/files/[...path]`) or
   * as OpenAPI templates (`/api/notes/{id}`).
   */
  routes: Record<string, DocumentedHandler>
}

/**
 * Builds an OpenAPI 3.1 document from handlers: parameters, request bodies
 * and responses from their schemas (through Standard JSON Schema, which zod
 * 4.2+ implements), security from their middleware (`[]` on public
 * operations), and the problem+json errors each route answers with: those
 * of routekit and its middleware, and those its spec's `errors` declares,
 * each with its own `status`. It throws a `TypeError` for what cannot be
 * documented truthfully: a params schema naming a segment the path lacks,
 * two schemas with one id, an id OpenAPI cannot use as a component name, a
 * security scheme defined two ways, a repeated `operationId`.
 *
 * @example
 * ```ts
 * export const document = generateOpenApi({
 *   info: { title: 'Notes API', version: '1.0.0' },
 *   routes: { '/api/notes': notesHandler, '/api/notes/[id]': noteHandler },
 * })
 * ```
 */
export function generateOpenApi(options: GenerateOpenApiOptions): OpenApiDocument {
  checkOptionNames('routekit/openapi: generateOpenApi()', options, optionNames<GenerateOpenApiOptions>({ info: true, servers: true, tags: true, routes: true }))
  const schemas = new SchemaCollector()
  schemas.define('Problem', problemSchema)
  schemas.define('ValidationIssue', validationIssueSchema)
  const security = new SecuritySchemes()
  const used = new Set<number>()
  const operationIds = new Set<string>()
  const paths: OpenApiDocument['paths'] = {}

  for (const [key, handler] of Object.entries(options.routes)) {
    const path = documentedPath(key)
    if (path.path in paths) throw configError('routekit/openapi', `the path ${path.path} is listed twice.`)
    const item: Record<string, OpenApiOperation> = {}
    for (const route of handler.routes) {
      const operation = operationOf(route, path, used, { schemas, security })
      if (operation.operationId !== undefined) {
        if (operationIds.has(operation.operationId)) {
          throw configError('routekit/openapi', `the operationId "${operation.operationId}" is used twice.`)
        }
        operationIds.add(operation.operationId)
      }
      item[route.method.toLowerCase()] = operation
    }
    paths[path.path] = item
  }

  const securitySchemes = security.components()
  const statuses = [...used].sort((a, b) => a - b)
  return {
    openapi: '3.1.1',
    info: { ...options.info },
    servers: (options.servers ?? [{ url: '/' }]).map((server) => ({ ...server })),
    ...(options.tags === undefined ? {} : { tags: options.tags.map((tag) => ({ ...tag })) }),
    paths,
    components: {
      schemas: schemas.components(),
      responses: Object.fromEntries(statuses.map((status) => [problemResponseName(status), problemResponse(status)])),
      ...(securitySchemes === undefined ? {} : { securitySchemes }),
    },
  }
}
