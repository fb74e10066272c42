// The parts of an OpenAPI 3.1 document routekit writes, typed loosely enough
// that a user can add anything the specification allows before serving it.

/**
 * A JSON Schema (2020-12, OpenAPI 3.1's dialect) as a plain object.
 *
 * @example
 * ```ts
 * const schema: JsonSchema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }
 * ```
 */
export type JsonSchema = Record<string, unknown>

/**
 * An OpenAPI Info Object.
 *
 * @example
 * ```ts
 * const info: OpenApiInfo = { title: 'Notes API', version: '1.0.0', description: 'Notes, by user.' }
 * ```
 */
export interface OpenApiInfo {
  title: string
  version: string
  description?: string
  [field: string]: unknown
}

/**
 * An OpenAPI Server Object.
 *
 * @example
 * ```ts
 * const servers: OpenApiServer[] = [{ url: 'https://api.example.com', description: 'production' }]
 * ```
 */
export interface OpenApiServer {
  url: string
  description?: string
  [field: string]: unknown
}

/**
 * An OpenAPI Tag Object.
 *
 * @example
 * ```ts
 * const tags: OpenApiTag[] = [{ name: 'notes', description: 'Create, list and delete notes.' }]
 * ```
 */
export interface OpenApiTag {
  name: string
  description?: string
  [field: string]: unknown
}

/**
 * An OpenAPI Parameter Object, as routekit writes it.
 *
 * @example
 * ```ts
 * const limit = openApiDocument.paths['/api/notes']!.get!.parameters?.find((parameter) => parameter.name === 'limit')
 * ```
 */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header'
  required: boolean
  description?: string
  schema: JsonSchema
}

/**
 * An OpenAPI Operation Object, as routekit writes it.
 *
 * @example
 * ```ts
 * const operation: OpenApiOperation = openApiDocument.paths['/api/notes']!.post!
 * operation['x-rate-limited'] = true
 * ```
 */
export interface OpenApiOperation {
  operationId?: string
  summary?: string
  description?: string
  tags?: string[]
  deprecated?: boolean
  parameters?: OpenApiParameter[]
  /** A binary media type has no schema (`{}`), as OpenAPI 3.1 describes raw bytes. */
  requestBody?: { required: boolean; content: Record<string, { schema?: JsonSchema }> }
  responses: Record<string, unknown>
  security?: Record<string, string[]>[]
  [field: string]: unknown
}

/**
 * An OpenAPI 3.1 document. `generateOpenApi()` fills every field it knows;
 * the rest of the specification can be added by hand.
 *
 * @example
 * ```ts
 * const document: OpenApiDocument = generateOpenApi({ info, routes })
 * document.externalDocs = { url: 'https://docs.example.com' }
 * ```
 */
export interface OpenApiDocument {
  openapi: string
  info: OpenApiInfo
  servers?: OpenApiServer[]
  tags?: OpenApiTag[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, unknown>
    securitySchemes?: Record<string, Record<string, unknown>>
    [field: string]: unknown
  }
  [field: string]: unknown
}
